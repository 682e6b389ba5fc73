// Surface of nanoFramework.M2Mqtt (package nanoFramework.M2Mqtt, 5.1.x).
// Checked against the uses in nanoframework/nanoFramework.m2mqtt M2Mqtt/MqttClient.cs @ 0db5dc1a47bb0f6f9fb2e5844676eb0493e30c7e
// (namespace nanoFramework.M2Mqtt.Exceptions, M2Mqtt/Exceptions/*.cs in M2Mqtt/nanoFramework.M2Mqtt.nfproj)
// and nanoframework/paho.mqtt.m2mqtt M2Mqtt/Exceptions/*.cs @ 198bbd0867776dd1c8edbd30ec4024703dde8a7b.
using System;

namespace nanoFramework.M2Mqtt.Exceptions
{
    public class MqttCommunicationException : Exception
    {
        public MqttCommunicationException() { throw null; }

        public MqttCommunicationException(Exception e) { throw null; }
    }

    public class MqttConnectionException : Exception
    {
        public MqttConnectionException(string message, Exception innerException) { throw null; }
    }

    public class MqttClientException : Exception
    {
        public MqttClientException(MqttClientErrorCode errorCode) { throw null; }

        public MqttClientErrorCode ErrorCode { get { throw null; } set { throw null; } }
    }

    public enum MqttClientErrorCode
    {
        WillWrong = 1,
        KeepAliveWrong,
        TopicWildcard,
        TopicLength,
        QosNotAllowed,
        TopicsEmpty,
        QosLevelsEmpty,
        TopicsQosLevelsNotMatch,
        WrongBrokerMessage,
        WrongMessageId,
        InflightQueueFull,
        InvalidFlagBits,
        InvalidConnectFlags,
        InvalidClientId,
        InvalidProtocolName
    }
}
