using OccupancySensor.Processing;

namespace OccupancySensor.Configuration
{
    /// <summary>
    /// Everything a sensor unit needs to know about itself, loaded from I:\sensor.conf (format: README,
    /// "Device configuration"). Instances are built only by <see cref="ConfigurationParser"/>, which validates the
    /// whole file before any value takes effect, so a unit never runs on a half-applied configuration.
    /// </summary>
    public sealed class DeviceConfiguration
    {
        /// <summary>Most zones one unit evaluates; buffers are sized for it at start-up.</summary>
        public const int MaxZones = 8;

        internal DeviceConfiguration()
        {
            DeviceId = string.Empty;
            Building = string.Empty;
            Floor = string.Empty;
            LocationZone = string.Empty;
            Asset = string.Empty;
            AssetType = "area";
            Board = "esp32-devkitc-amg8833";
            Thermal = ThermalSensorKind.Amg8833;
            ThermalAddress = 0x69;
            ThermalFramesPerSecond = 10;
            PirPresent = true;
            Ambient = AmbientSensorKind.Bme280;
            AmbientAddress = 0x76;
            AmbientPeriodSeconds = 60;
            Zones = new ZoneConfiguration[0];
            Engine = new EngineSettings();
            Door = DoorLine.None;

            // A unit's desks and rooms hold for two minutes: PIR-only units need it, and a facilities report is
            // not worse for it. Replays use the engine's own default (10 s) to follow the truth closely.
            VacantHoldSeconds = 120;
            ReportPeriodSeconds = 300;
            HealthPeriodSeconds = 3600;
            LogKilobytes = 256;
            Uplink = UplinkKind.None;
            MqttHost = string.Empty;
            MqttPort = 8883;
            MqttTls = true;
            MqttTopicRoot = "occupancy";
            MqttUsername = string.Empty;
            MqttPassword = string.Empty;
            LoRaWanRegion = LoRaWanRegion.Eu868;
            LoRaWanDevEui = string.Empty;
            LoRaWanJoinEui = string.Empty;
            LoRaWanAppKey = string.Empty;
        }

        /// <summary>The unit's id, unique in the estate (letters, digits, '-' and '_'; never a person's name).</summary>
        public string DeviceId { get; internal set; }

        /// <summary>Building tag.</summary>
        public string Building { get; internal set; }

        /// <summary>Floor tag.</summary>
        public string Floor { get; internal set; }

        /// <summary>Zone of the floor the unit is in (a wing, a neighbourhood).</summary>
        public string LocationZone { get; internal set; }

        /// <summary>The asset the unit watches (a desk, a room), used when a zone names none.</summary>
        public string Asset { get; internal set; }

        /// <summary>The asset type (desk, touchdown, meeting_room, room, doorway, area).</summary>
        public string AssetType { get; internal set; }

        /// <summary>Name of the board definition that gives the pin map (see boards/).</summary>
        public string Board { get; internal set; }

        /// <summary>The thermal array fitted.</summary>
        public ThermalSensorKind Thermal { get; internal set; }

        /// <summary>I2C address of the thermal array.</summary>
        public int ThermalAddress { get; internal set; }

        /// <summary>Thermal frames a second (1 or 10 for the AMG8833).</summary>
        public int ThermalFramesPerSecond { get; internal set; }

        /// <summary>Whether a PIR sensor is fitted.</summary>
        public bool PirPresent { get; internal set; }

        /// <summary>The ambient sensor fitted.</summary>
        public AmbientSensorKind Ambient { get; internal set; }

        /// <summary>I2C address of the ambient sensor.</summary>
        public int AmbientAddress { get; internal set; }

        /// <summary>Seconds between ambient readings.</summary>
        public int AmbientPeriodSeconds { get; internal set; }

        /// <summary>The zones, in the order the file declares them; one covering the whole view when none is declared.</summary>
        public ZoneConfiguration[] Zones { get; internal set; }

        /// <summary>How much warmer than the learned background a pixel must be to count as a person, in °C.</summary>
        public float PresenceDeltaCelsius
        {
            get { return Engine.Get(EngineSettings.MinPeakId); }
            internal set { Engine.TrySet(EngineSettings.MinPeakId, value); }
        }

        /// <summary>Seconds both PIR and thermal must stay quiet before a zone is reported vacant.</summary>
        public int VacantHoldSeconds
        {
            get { return (int)Engine.Get(EngineSettings.VacantHoldId); }
            internal set { Engine.TrySet(EngineSettings.VacantHoldId, value); }
        }

        /// <summary>Every threshold and time of the detection engine (keys detect.NAME).</summary>
        public EngineSettings Engine { get; private set; }

        /// <summary>The door line people are counted in and out at (key door), or none.</summary>
        public DoorLine Door { get; internal set; }

        /// <summary>Seconds between periodic count reports.</summary>
        public int ReportPeriodSeconds { get; internal set; }

        /// <summary>Seconds between device health reports.</summary>
        public int HealthPeriodSeconds { get; internal set; }

        /// <summary>
        /// Flash the reading log may use, in KB (16 segment files share it). 256 KB hold about 7,000 undelivered
        /// readings (36 bytes each): days of a busy unit without a network.
        /// </summary>
        public int LogKilobytes { get; internal set; }

        /// <summary>How readings leave the unit.</summary>
        public UplinkKind Uplink { get; internal set; }

        /// <summary>MQTT broker host name or address.</summary>
        public string MqttHost { get; internal set; }

        /// <summary>MQTT broker port.</summary>
        public int MqttPort { get; internal set; }

        /// <summary>Whether MQTT runs over TLS (CA pinned, device certificate from nanoff --networkdeployment).</summary>
        public bool MqttTls { get; internal set; }

        /// <summary>First level of every topic.</summary>
        public string MqttTopicRoot { get; internal set; }

        /// <summary>MQTT user name, empty for none (client certificates are preferred).</summary>
        public string MqttUsername { get; internal set; }

        /// <summary>MQTT password, empty for none.</summary>
        public string MqttPassword { get; internal set; }

        /// <summary>LoRaWAN region.</summary>
        public LoRaWanRegion LoRaWanRegion { get; internal set; }

        /// <summary>LoRaWAN DevEUI, 16 hex digits.</summary>
        public string LoRaWanDevEui { get; internal set; }

        /// <summary>LoRaWAN JoinEUI (AppEUI), 16 hex digits.</summary>
        public string LoRaWanJoinEui { get; internal set; }

        /// <summary>LoRaWAN AppKey, 32 hex digits.</summary>
        public string LoRaWanAppKey { get; internal set; }

        /// <summary>Columns of the thermal view (0 without a thermal array).</summary>
        public int ThermalWidth
        {
            get { return Thermal == ThermalSensorKind.Amg8833 ? 8 : 0; }
        }

        /// <summary>Rows of the thermal view (0 without a thermal array).</summary>
        public int ThermalHeight
        {
            get { return Thermal == ThermalSensorKind.Amg8833 ? 8 : 0; }
        }

        /// <summary>
        /// The configuration a unit falls back to when it has never had a valid file: it samples and stores
        /// readings under the id "unconfigured" and sends nothing until a technician configures it.
        /// </summary>
        public static DeviceConfiguration CreateUnconfigured()
        {
            DeviceConfiguration configuration = new DeviceConfiguration();
            configuration.DeviceId = "unconfigured";
            configuration.Building = "unknown";
            configuration.Floor = "unknown";
            configuration.Zones = new ZoneConfiguration[] { new ZoneConfiguration("view", 0, 0, 8, 8) };
            return configuration;
        }
    }
}
