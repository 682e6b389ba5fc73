namespace OccupancySensor.Configuration
{
    /// <summary>Thermal arrays the firmware drives.</summary>
    public enum ThermalSensorKind
    {
        /// <summary>No thermal array: presence from PIR alone.</summary>
        None = 0,

        /// <summary>Panasonic Grid-EYE AMG8833, 8x8.</summary>
        Amg8833 = 1,
    }

    /// <summary>Ambient sensors the firmware drives.</summary>
    public enum AmbientSensorKind
    {
        /// <summary>No ambient sensor.</summary>
        None = 0,

        /// <summary>Bosch BME280 (temperature, humidity, pressure).</summary>
        Bme280 = 1,
    }

    /// <summary>How readings leave the unit.</summary>
    public enum UplinkKind
    {
        /// <summary>Readings are only stored (commissioning, or a unit read out by hand).</summary>
        None = 0,

        /// <summary>MQTT over Wi-Fi.</summary>
        Mqtt = 1,

        /// <summary>LoRaWAN, for buildings without Wi-Fi.</summary>
        LoRaWan = 2,
    }

    /// <summary>LoRaWAN regional parameters the firmware supports.</summary>
    public enum LoRaWanRegion
    {
        /// <summary>Europe 863-870 MHz.</summary>
        Eu868 = 0,

        /// <summary>North America 902-928 MHz.</summary>
        Us915 = 1,
    }
}
