// Surface of nanoFramework.M2Mqtt (package nanoFramework.M2Mqtt, 5.1.x; the package also carries nanoFramework.M2Mqtt.Core).
// Checked against nanoframework/nanoFramework.m2mqtt M2Mqtt/MqttClient.cs @ 0191675688e9f0a518668a5342b192a861aab9f3
// (`public class MqttClient : IMqttClient, IDisposable`, events typed IMqttClient.*, public Init(..., byte[], byte[], ...),
// Connect overloads, Disconnect, Close, Dispose, Subscribe, Unsubscribe, Publish overloads, ProtocolVersion,
// MqttProtocolVersion) and the older @ 0db5dc1a47bb0f6f9fb2e5844676eb0493e30c7e (same constructor/Connect/Publish
// signatures, before the Core split); Dispose came with nanoframework/nanoFramework.m2mqtt#301 (v5.1.42) and IMqttClient
// with #337 (v5.1.9x), both before the pinned 5.1.212. Split into nanoFramework.M2Mqtt.Core: M2Mqtt/nanoFramework.M2Mqtt.nfproj
// @ c455775b3c44f036d3ce894bbf852418d8bc9a00 (ProjectReference to Core).
// Only the members the device code needs are declared. Left out: MqttClient(string), Connect(string, bool),
// Connect(string, string, string, bool, ushort), Publish(string, byte[], string, ArrayList), the v5 properties,
// Settings, ConnectionOpened/ConnectionClosedRequest/Authentication and their nested delegates.
using System;
using System.Collections;
using System.Security.Cryptography.X509Certificates;
using nanoFramework.M2Mqtt.Messages;

namespace nanoFramework.M2Mqtt
{
    public class MqttClient : IMqttClient, IDisposable
    {
        public MqttClient(string brokerHostName, int brokerPort, bool secure, X509Certificate caCert, X509Certificate clientCert, MqttSslProtocols sslProtocol) { throw null; }

        public event IMqttClient.MqttMsgPublishEventHandler MqttMsgPublishReceived { add { throw null; } remove { throw null; } }

        public event IMqttClient.MqttMsgPublishedEventHandler MqttMsgPublished { add { throw null; } remove { throw null; } }

        public event IMqttClient.MqttMsgSubscribedEventHandler MqttMsgSubscribed { add { throw null; } remove { throw null; } }

        public event IMqttClient.MqttMsgUnsubscribedEventHandler MqttMsgUnsubscribed { add { throw null; } remove { throw null; } }

        public event IMqttClient.ConnectionClosedEventHandler ConnectionClosed { add { throw null; } remove { throw null; } }

        public bool IsConnected { get { throw null; } }

        public string ClientId { get { throw null; } }

        public MqttProtocolVersion ProtocolVersion { get { throw null; } set { throw null; } }

        public void Init(string brokerHostName, int brokerPort, bool secure, byte[] caCert, byte[] clientCert, MqttSslProtocols sslProtocol) { throw null; }

        public MqttReasonCode Connect(string clientId) { throw null; }

        public MqttReasonCode Connect(string clientId, string username, string password) { throw null; }

        public MqttReasonCode Connect(string clientId, string username, string password, bool willRetain, MqttQoSLevel willQosLevel, bool willFlag, string willTopic, string willMessage, bool cleanSession, ushort keepAlivePeriod) { throw null; }

        public void Disconnect() { throw null; }

        public void Close() { throw null; }

        public void Dispose() { throw null; }

        public ushort Subscribe(string[] topics, MqttQoSLevel[] qosLevels) { throw null; }

        public ushort Unsubscribe(string[] topics) { throw null; }

        public ushort Publish(string topic, byte[] message) { throw null; }

        public ushort Publish(string topic, byte[] message, string contentType) { throw null; }

        public ushort Publish(string topic, byte[] message, string contentType, ArrayList userProperties, MqttQoSLevel qosLevel, bool retain) { throw null; }
    }

    public enum MqttProtocolVersion
    {
        Version_3_1 = 0x03,
        Version_3_1_1 = 0x04,
        Version_5 = 0x05,
    }
}
