// Surface of nanoFramework.M2Mqtt.Core (package nanoFramework.M2Mqtt.Core, 5.1.x).
// Checked against nanoframework/nanoFramework.IoT.Device devices/AtModem/Mqtt/MqttSslProtocols.cs
// @ 167e3dcd20e2bfb07202f7c87000063bcd172bd1 (copy of the Core file) and nanoframework/paho.mqtt.m2mqtt M2Mqtt/MqttSecurity.cs.
namespace nanoFramework.M2Mqtt
{
    public enum MqttSslProtocols
    {
        None,
        SSLv3,
        TLSv1_0,
        TLSv1_1,
        TLSv1_2,
        TLSv1_3
    }
}
