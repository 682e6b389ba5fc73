using System;
using System.Text;
using nanoFramework.M2Mqtt;
using nanoFramework.M2Mqtt.Messages;
using OccupancySensor.Hardware;

namespace OccupancySensor.Device.Adapters
{
    /// <summary>
    /// The uplink over nanoFramework.M2Mqtt's MqttClient, created by the caller (host, port, TLS, pinned CA).
    /// A confirmed message is sent at QoS 1 and reported delivered only on MqttMsgPublished with IsPublished = true,
    /// which M2Mqtt raises on PUBACK (never for QoS 0), so stored readings are released only when the broker has them.
    /// Connecting sets a retained Last Will of "offline" on the status topic and then publishes a retained "online".
    /// </summary>
    public sealed class M2MqttTransport : IUplinkTransport
    {
        private readonly MqttClient _client;
        private readonly string _clientId;
        private readonly string _username;
        private readonly string _password;
        private readonly string _statusTopic;
        private readonly string _commandTopic;

        /// <summary>Wraps <paramref name="client"/>; the topics come from the unit's topic scheme.</summary>
        public M2MqttTransport(MqttClient client, string clientId, string username, string password, string statusTopic, string commandTopic)
        {
            _client = client;
            _clientId = clientId;
            _username = username;
            _password = password;
            _statusTopic = statusTopic;
            _commandTopic = commandTopic;
            _client.MqttMsgPublished += OnPublished;
            _client.MqttMsgPublishReceived += OnPublishReceived;
        }

        /// <inheritdoc />
        public event UplinkDeliveryHandler Delivered;

        /// <inheritdoc />
        public event UplinkMessageHandler MessageReceived;

        /// <inheritdoc />
        public bool IsConnected
        {
            get { return _client.IsConnected; }
        }

        /// <inheritdoc />
        public bool Open()
        {
            try
            {
                MqttReasonCode code = _client.Connect(
                    _clientId,
                    _username.Length == 0 ? null : _username,
                    _password.Length == 0 ? null : _password,
                    true,
                    MqttQoSLevel.AtLeastOnce,
                    true,
                    _statusTopic,
                    "offline",
                    false,
                    60);
                if (code != MqttReasonCode.Success)
                {
                    return false;
                }

                _client.Subscribe(new string[] { _commandTopic }, new MqttQoSLevel[] { MqttQoSLevel.AtLeastOnce });
                _client.Publish(_statusTopic, Encoding.UTF8.GetBytes("online"), null, null, MqttQoSLevel.AtLeastOnce, true);
                return true;
            }
            catch (Exception)
            {
                return false;
            }
        }

        /// <inheritdoc />
        public void Close()
        {
            try
            {
                // An orderly DISCONNECT makes the broker discard the Will, so "offline" is published here.
                _client.Publish(_statusTopic, Encoding.UTF8.GetBytes("offline"), null, null, MqttQoSLevel.AtMostOnce, true);
                _client.Disconnect();
            }
            catch (Exception)
            {
                // Already gone: nothing to close.
            }
        }

        /// <inheritdoc />
        public int Send(string channel, byte[] payload, bool confirmed, bool retain)
        {
            try
            {
                return _client.Publish(
                    channel,
                    payload,
                    null,
                    null,
                    confirmed ? MqttQoSLevel.AtLeastOnce : MqttQoSLevel.AtMostOnce,
                    retain);
            }
            catch (Exception)
            {
                // Publish throws when the in-flight queue is full or the connection dropped: refuse, keep the reading.
                return -1;
            }
        }

        private void OnPublished(object sender, MqttMsgPublishedEventArgs e)
        {
            UplinkDeliveryHandler handler = Delivered;
            if (handler != null)
            {
                handler(e.MessageId, e.IsPublished);
            }
        }

        private void OnPublishReceived(object sender, MqttMsgPublishEventArgs e)
        {
            UplinkMessageHandler handler = MessageReceived;
            if (handler != null)
            {
                handler(e.Topic, e.Message);
            }
        }
    }
}
