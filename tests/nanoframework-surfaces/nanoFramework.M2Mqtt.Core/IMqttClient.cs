// Surface of nanoFramework.M2Mqtt.Core (package nanoFramework.M2Mqtt.Core, 5.1.x).
// Checked against nanoframework/nanoFramework.m2mqtt nanoFramework.M2Mqtt.Core/nanoFramework.M2Mqtt.Core.nfproj
// (file list) and the IMqttClient members implemented by nanoframework/nanoFramework.IoT.Device
// devices/AtModem/Mqtt/Sim7672MqttClient.cs @ f4a63ebe8de5755864eaff7b22df375fbb6d9313 (Init takes byte[] certificates).
using System;
using System.Collections;
using nanoFramework.M2Mqtt.Messages;

namespace nanoFramework.M2Mqtt
{
    public interface IMqttClient
    {
        bool IsConnected { get; }

        void Init(string brokerHostName, int brokerPort, bool secure, byte[] caCert, byte[] clientCert, MqttSslProtocols sslProtocol);

        MqttReasonCode Connect(string clientId, string username, string password, bool willRetain, MqttQoSLevel willQosLevel, bool willFlag, string willTopic, string willMessage, bool cleanSession, ushort keepAlivePeriod);

        void Disconnect();

        ushort Subscribe(string[] topics, MqttQoSLevel[] qosLevels);

        ushort Unsubscribe(string[] topics);

        ushort Publish(string topic, byte[] message, string contentType, ArrayList userProperties, MqttQoSLevel qosLevel, bool retain);

        ushort Publish(string topic, byte[] message, string contentType);

        ushort Publish(string topic, byte[] message);

        void Close();

        public delegate void MqttMsgPublishEventHandler(object sender, MqttMsgPublishEventArgs e);

        event MqttMsgPublishEventHandler MqttMsgPublishReceived;

        public delegate void MqttMsgPublishedEventHandler(object sender, MqttMsgPublishedEventArgs e);

        event MqttMsgPublishedEventHandler MqttMsgPublished;

        public delegate void MqttMsgSubscribedEventHandler(object sender, MqttMsgSubscribedEventArgs e);

        event MqttMsgSubscribedEventHandler MqttMsgSubscribed;

        public delegate void MqttMsgUnsubscribedEventHandler(object sender, MqttMsgUnsubscribedEventArgs e);

        event MqttMsgUnsubscribedEventHandler MqttMsgUnsubscribed;

        public delegate void ConnectionClosedEventHandler(object sender, EventArgs e);

        event ConnectionClosedEventHandler ConnectionClosed;
    }
}
