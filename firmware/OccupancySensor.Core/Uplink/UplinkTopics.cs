using OccupancySensor.Configuration;

namespace OccupancySensor.Uplink
{
    /// <summary>
    /// The MQTT topic scheme (README, "MQTT topics"). Readings go to
    /// ROOT/BUILDING/FLOOR/AREA/ASSET/KIND so a consumer can subscribe by building, floor, area or asset with
    /// wildcards; per-device topics live under ROOT/device/DEVICE_ID. Built once per configuration.
    /// </summary>
    public sealed class UplinkTopics
    {
        private readonly string _prefix;
        private readonly string[] _zoneAssets;
        private readonly string _unitAsset;

        /// <summary>Builds the topics of <paramref name="configuration"/>.</summary>
        public UplinkTopics(DeviceConfiguration configuration)
        {
            string root = configuration.MqttTopicRoot;
            string area = configuration.LocationZone.Length > 0 ? configuration.LocationZone : "-";
            _prefix = root + "/" + configuration.Building + "/" + configuration.Floor + "/" + area + "/";
            _unitAsset = configuration.Asset.Length > 0 ? configuration.Asset : configuration.DeviceId;
            ZoneConfiguration[] zones = configuration.Zones;
            _zoneAssets = new string[zones.Length];
            for (int i = 0; i < zones.Length; i++)
            {
                _zoneAssets[i] = zones[i].Asset.Length > 0 ? zones[i].Asset : _unitAsset;
            }

            string device = root + "/device/" + configuration.DeviceId + "/";
            Status = device + "status";
            Commands = device + "cmd";
            Responses = device + "resp";
        }

        /// <summary>Retained "online"/"offline" status, also the Last Will topic.</summary>
        public string Status { get; private set; }

        /// <summary>Commands for this unit.</summary>
        public string Commands { get; private set; }

        /// <summary>Answers to commands.</summary>
        public string Responses { get; private set; }

        /// <summary>The asset tag of zone <paramref name="zone"/> (the unit's for whole-unit readings).</summary>
        public string AssetOf(int zone)
        {
            return zone >= 0 && zone < _zoneAssets.Length ? _zoneAssets[zone] : _unitAsset;
        }

        /// <summary>The topic of a reading of <paramref name="kind"/> about <paramref name="zone"/>.</summary>
        public string ForReading(int zone, string kind)
        {
            return _prefix + AssetOf(zone) + "/" + kind;
        }
    }
}
