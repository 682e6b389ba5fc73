using System.Collections;
using OccupancySensor.Boards;
using OccupancySensor.Processing;

namespace OccupancySensor.Configuration
{
    /// <summary>
    /// Reads the device configuration format: one "key = value" a line, '#' starts a comment, blank lines are
    /// ignored (README, "Device configuration"). The whole file is checked: unknown or repeated keys, values out of
    /// range and missing required keys are all reported with their line, and one problem rejects the whole file.
    /// Runs at boot and when a "set configuration" command arrives, never per frame, so it may allocate.
    /// </summary>
    public sealed class ConfigurationParser
    {
        private const int MaxTagLength = 64;
        private const int MaxIdLength = 32;

        private readonly DeviceConfiguration _configuration = new DeviceConfiguration();
        private readonly ArrayList _issues = new ArrayList();
        private readonly ArrayList _seenKeys = new ArrayList();
        private readonly ArrayList _zones = new ArrayList();
        private readonly ArrayList _zoneLines = new ArrayList();
        private int _line;
        private string _doorText;
        private int _doorLine;

        private ConfigurationParser()
        {
        }

        /// <summary>Parses and validates a configuration text.</summary>
        public static ConfigurationResult Parse(string text)
        {
            ConfigurationParser parser = new ConfigurationParser();
            return parser.Run(text == null ? string.Empty : text);
        }

        private ConfigurationResult Run(string text)
        {
            int start = 0;
            _line = 0;
            while (start <= text.Length)
            {
                int end = text.IndexOf('\n', start);
                if (end < 0)
                {
                    end = text.Length;
                }

                _line++;
                ReadLine(text.Substring(start, end - start));
                start = end + 1;
            }

            _line = 0;
            CheckWhole();
            if (_issues.Count > 0)
            {
                return new ConfigurationResult(null, (ConfigurationIssue[])_issues.ToArray(typeof(ConfigurationIssue)));
            }

            return new ConfigurationResult(_configuration, new ConfigurationIssue[0]);
        }

        /// <summary>The key of a configuration line ("key = value", '#' starts a comment); empty when it has none.</summary>
        public static string KeyOf(string line)
        {
            string content = WithoutComment(line);
            int equals = content.IndexOf('=');
            return equals <= 0 ? string.Empty : content.Substring(0, equals).Trim();
        }

        private static string WithoutComment(string raw)
        {
            int hash = raw.IndexOf('#');
            return (hash >= 0 ? raw.Substring(0, hash) : raw).Trim();
        }

        private void ReadLine(string raw)
        {
            string line = WithoutComment(raw);
            if (line.Length == 0)
            {
                return;
            }

            int equals = line.IndexOf('=');
            if (equals <= 0)
            {
                Report(line, "expected 'key = value'");
                return;
            }

            string key = line.Substring(0, equals).Trim();
            string value = line.Substring(equals + 1).Trim();
            if (_seenKeys.Contains(key))
            {
                Report(key, "is set twice");
                return;
            }

            _seenKeys.Add(key);
            if (key.Length > 5 && key.Substring(0, 5) == "zone.")
            {
                ReadZoneKey(key, value);
                return;
            }

            if (key.Length > 7 && key.Substring(0, 7) == "detect.")
            {
                string problem = _configuration.Engine.TrySet(key.Substring(7), value);
                if (problem != null)
                {
                    Report(key, problem);
                }

                return;
            }

            ReadKey(key, value);
        }

        private void ReadKey(string key, string value)
        {
            DeviceConfiguration c = _configuration;
            switch (key)
            {
                case "device.id":
                    c.DeviceId = Identifier(key, value, MaxIdLength);
                    break;
                case "location.building":
                    c.Building = Identifier(key, value, MaxTagLength);
                    break;
                case "location.floor":
                    c.Floor = Identifier(key, value, MaxTagLength);
                    break;
                case "location.zone":
                    c.LocationZone = Identifier(key, value, MaxTagLength);
                    break;
                case "location.asset":
                    c.Asset = Identifier(key, value, MaxTagLength);
                    break;
                case "location.asset_type":
                    c.AssetType = AssetType(key, value);
                    break;
                case "board":
                    c.Board = Identifier(key, value, MaxTagLength);
                    break;
                case "sensors.thermal":
                    c.Thermal = ThermalKind(key, value);
                    break;
                case "sensors.thermal.address":
                    c.ThermalAddress = Address(key, value, 0x68, 0x69);
                    break;
                case "sensors.thermal.fps":
                    c.ThermalFramesPerSecond = FramesPerSecond(key, value);
                    break;
                case "sensors.pir":
                    c.PirPresent = Boolean(key, value);
                    break;
                case "sensors.ambient":
                    c.Ambient = AmbientKind(key, value);
                    break;
                case "sensors.ambient.address":
                    c.AmbientAddress = Address(key, value, 0x76, 0x77);
                    break;
                case "sensors.ambient.period_s":
                    c.AmbientPeriodSeconds = Integer(key, value, 10, 3600);
                    break;
                case "thresholds.presence_delta_c":
                    c.PresenceDeltaCelsius = Number(key, value, 0.3f, 10f);
                    break;
                case "thresholds.vacant_hold_s":
                    c.VacantHoldSeconds = Integer(key, value, 10, 86400);
                    break;
                case "reporting.period_s":
                    c.ReportPeriodSeconds = Integer(key, value, 60, 86400);
                    break;
                case "reporting.health_period_s":
                    c.HealthPeriodSeconds = Integer(key, value, 300, 86400);
                    break;
                case "storage.log_kb":
                    c.LogKilobytes = Integer(key, value, 4, 4096);
                    break;
                case "door":
                    _doorText = value;
                    _doorLine = _line;
                    break;
                case "uplink":
                    c.Uplink = Uplink(key, value);
                    break;
                case "uplink.mqtt.host":
                    c.MqttHost = HostName(key, value);
                    break;
                case "uplink.mqtt.port":
                    c.MqttPort = Integer(key, value, 1, 65535);
                    break;
                case "uplink.mqtt.tls":
                    c.MqttTls = Boolean(key, value);
                    break;
                case "uplink.mqtt.topic_root":
                    c.MqttTopicRoot = Identifier(key, value, MaxTagLength);
                    break;
                case "uplink.mqtt.username":
                    c.MqttUsername = Printable(key, value);
                    break;
                case "uplink.mqtt.password":
                    c.MqttPassword = Printable(key, value);
                    break;
                case "uplink.lorawan.region":
                    c.LoRaWanRegion = Region(key, value);
                    break;
                case "uplink.lorawan.dev_eui":
                    c.LoRaWanDevEui = Hex(key, value, 16);
                    break;
                case "uplink.lorawan.join_eui":
                    c.LoRaWanJoinEui = Hex(key, value, 16);
                    break;
                case "uplink.lorawan.app_key":
                    c.LoRaWanAppKey = Hex(key, value, 32);
                    break;
                default:
                    Report(key, "is not a known key (see the README, 'Device configuration')");
                    break;
            }
        }

        private void ReadZoneKey(string key, string value)
        {
            int lastDot = key.LastIndexOf('.');
            string id = lastDot > 5 ? key.Substring(5, lastDot - 5) : string.Empty;
            string field = key.Substring(lastDot + 1);
            if (!TextValues.IsIdentifier(id, MaxIdLength) || id.IndexOf('.') >= 0)
            {
                Report(key, "zone keys are zone.<id>.<field>, with an id of letters, digits, '-' and '_'");
                return;
            }

            ZoneConfiguration zone = FindOrAddZone(id);
            if (zone == null)
            {
                Report(key, "a unit has at most " + DeviceConfiguration.MaxZones + " zones");
                return;
            }

            switch (field)
            {
                case "rect":
                    ReadRectangle(key, value, zone);
                    break;
                case "asset":
                    zone.Asset = Identifier(key, value, MaxTagLength);
                    break;
                case "asset_type":
                    zone.AssetType = AssetType(key, value);
                    break;
                case "capacity":
                    zone.Capacity = Integer(key, value, 0, 1000);
                    break;
                default:
                    Report(key, "zone fields are rect, asset, asset_type and capacity");
                    break;
            }
        }

        private ZoneConfiguration FindOrAddZone(string id)
        {
            for (int i = 0; i < _zones.Count; i++)
            {
                ZoneConfiguration existing = (ZoneConfiguration)_zones[i];
                if (existing.Id == id)
                {
                    return existing;
                }
            }

            if (_zones.Count == DeviceConfiguration.MaxZones)
            {
                return null;
            }

            ZoneConfiguration zone = new ZoneConfiguration(id, 0, 0, 0, 0);
            _zones.Add(zone);
            _zoneLines.Add(_line);
            return zone;
        }

        private void ReadRectangle(string key, string value, ZoneConfiguration zone)
        {
            string[] parts = value.Split(',');
            int[] numbers = new int[4];
            bool ok = parts.Length == 4;
            for (int i = 0; ok && i < 4; i++)
            {
                ok = TextValues.TryParseInt(parts[i].Trim(), out numbers[i]) && numbers[i] >= 0 && numbers[i] <= 32;
            }

            if (!ok || numbers[2] < 1 || numbers[3] < 1)
            {
                Report(key, "must be column,row,width,height in pixels (for example 0,0,4,8), got '" + value + "'");
                return;
            }

            zone.Column = numbers[0];
            zone.Row = numbers[1];
            zone.Width = numbers[2];
            zone.Height = numbers[3];
        }

        private void CheckWhole()
        {
            DeviceConfiguration c = _configuration;
            Require("device.id");
            Require("location.building");
            Require("location.floor");

            if (c.Thermal == ThermalSensorKind.None && !c.PirPresent)
            {
                Report("sensors.thermal", "a unit needs a thermal array or a PIR (sensors.pir = true)");
            }

            ZoneConfiguration[] zones = (ZoneConfiguration[])_zones.ToArray(typeof(ZoneConfiguration));
            for (int i = 0; i < zones.Length; i++)
            {
                CheckZone(zones[i], (int)_zoneLines[i]);
            }

            if (zones.Length == 0)
            {
                zones = new ZoneConfiguration[] { new ZoneConfiguration("view", 0, 0, c.ThermalWidth, c.ThermalHeight) };
            }
            else if (c.Thermal == ThermalSensorKind.None && zones.Length > 1)
            {
                Report("zone", "without a thermal array a unit has one zone (the PIR cannot tell zones apart)");
            }

            c.Zones = zones;
            CheckBoard();
            CheckEngine();

            if (c.Uplink == UplinkKind.Mqtt)
            {
                Require("uplink.mqtt.host");
            }
            else if (c.Uplink == UplinkKind.LoRaWan)
            {
                Require("uplink.lorawan.dev_eui");
                Require("uplink.lorawan.join_eui");
                Require("uplink.lorawan.app_key");
            }
        }

        private void CheckBoard()
        {
            DeviceConfiguration c = _configuration;
            BoardDefinition board = BoardCatalog.Find(c.Board);
            if (board == null)
            {
                string known = string.Empty;
                string[] names = BoardCatalog.Names;
                for (int i = 0; i < names.Length; i++)
                {
                    known += (i == 0 ? string.Empty : ", ") + names[i];
                }

                Report("board", "'" + c.Board + "' is not a known board (known: " + known + ")");
                return;
            }

            if (c.PirPresent && board.PirPin < 0)
            {
                Report("sensors.pir", "board " + board.Name + " has no PIR input");
            }

            if ((c.Thermal != ThermalSensorKind.None || c.Ambient != AmbientSensorKind.None) && board.I2cDataPin < 0)
            {
                Report("sensors.thermal", "board " + board.Name + " has no I2C bus for the sensors");
            }

            if (c.Uplink == UplinkKind.LoRaWan && !board.HasRadio)
            {
                Report("uplink", "board " + board.Name + " has no LoRa radio");
            }
        }

        private void CheckEngine()
        {
            DeviceConfiguration c = _configuration;
            string problem = c.Engine.Validate();
            if (problem != null)
            {
                Report("detect", problem);
            }

            if (_doorText == null)
            {
                return;
            }

            if (c.Thermal == ThermalSensorKind.None)
            {
                _issues.Add(new ConfigurationIssue(_doorLine, "door", "a door line needs a thermal array (sensors.thermal)"));
                return;
            }

            string error;
            DoorLine door = DoorLine.Parse(_doorText, c.ThermalWidth, c.ThermalHeight, out error);
            if (door == null)
            {
                _issues.Add(new ConfigurationIssue(_doorLine, "door", error));
                return;
            }

            c.Door = door;
        }

        private void CheckZone(ZoneConfiguration zone, int line)
        {
            DeviceConfiguration c = _configuration;
            string key = "zone." + zone.Id + ".rect";
            if (c.Thermal == ThermalSensorKind.None)
            {
                if (zone.Width != 0)
                {
                    _issues.Add(new ConfigurationIssue(line, key, "a zone rectangle needs a thermal array (sensors.thermal)"));
                }

                return;
            }

            if (zone.Width == 0 && !_seenKeys.Contains(key))
            {
                _issues.Add(new ConfigurationIssue(line, key, "is missing: every zone needs its rectangle"));
                return;
            }

            if (zone.Width == 0)
            {
                return; // the rectangle itself was reported as invalid
            }

            if (zone.Column + zone.Width > c.ThermalWidth || zone.Row + zone.Height > c.ThermalHeight)
            {
                _issues.Add(new ConfigurationIssue(
                    line,
                    key,
                    "lies outside the " + c.ThermalWidth + "x" + c.ThermalHeight + " thermal view"));
            }
        }

        private void Require(string key)
        {
            if (!_seenKeys.Contains(key))
            {
                Report(key, "is required");
            }
        }

        private void Report(string key, string message)
        {
            _issues.Add(new ConfigurationIssue(_line, key, message));
        }

        private string Identifier(string key, string value, int maxLength)
        {
            if (!TextValues.IsIdentifier(value, maxLength))
            {
                Report(key, "must be 1 to " + maxLength + " letters, digits, '-', '_' or '.', got '" + value + "'");
            }

            return value;
        }

        private string Printable(string key, string value)
        {
            for (int i = 0; i < value.Length; i++)
            {
                if (value[i] < ' ')
                {
                    Report(key, "must not contain control characters");
                    break;
                }
            }

            return value;
        }

        private string HostName(string key, string value)
        {
            if (!TextValues.IsIdentifier(value, 253))
            {
                Report(key, "must be a host name or IP address, got '" + value + "'");
            }

            return value;
        }

        private string Hex(string key, string value, int digits)
        {
            if (!TextValues.IsHex(value, digits))
            {
                Report(key, "must be exactly " + digits + " hexadecimal digits");
            }

            return value.ToUpper();
        }

        private int Integer(string key, string value, int min, int max)
        {
            int result;
            if (!TextValues.TryParseInt(value, out result) || result < min || result > max)
            {
                Report(key, "must be a whole number from " + min + " to " + max + ", got '" + value + "'");
                return min;
            }

            return result;
        }

        private int Address(string key, string value, int first, int second)
        {
            int result;
            if (!TextValues.TryParseInt(value, out result) || (result != first && result != second))
            {
                Report(key, "must be the I2C address 0x" + first.ToString("X2") + " or 0x" + second.ToString("X2") + ", got '" + value + "'");
                return first;
            }

            return result;
        }

        private float Number(string key, string value, float min, float max)
        {
            float result;
            if (!TextValues.TryParseFloat(value, out result) || result < min || result > max)
            {
                Report(key, "must be a number from " + min.ToString("F1") + " to " + max.ToString("F1") + ", got '" + value + "'");
                return min;
            }

            return result;
        }

        private bool Boolean(string key, string value)
        {
            bool result;
            if (!TextValues.TryParseBool(value, out result))
            {
                Report(key, "must be true or false, got '" + value + "'");
            }

            return result;
        }

        private int FramesPerSecond(string key, string value)
        {
            int result;
            if (!TextValues.TryParseInt(value, out result) || (result != 1 && result != 10))
            {
                Report(key, "must be 1 or 10 (the AMG8833's frame rates), got '" + value + "'");
                return 10;
            }

            return result;
        }

        private string AssetType(string key, string value)
        {
            switch (value)
            {
                case "desk":
                case "touchdown":
                case "meeting_room":
                case "room":
                case "doorway":
                case "area":
                    return value;
                default:
                    Report(key, "must be desk, touchdown, meeting_room, room, doorway or area, got '" + value + "'");
                    return "area";
            }
        }

        private ThermalSensorKind ThermalKind(string key, string value)
        {
            switch (value)
            {
                case "none":
                    return ThermalSensorKind.None;
                case "amg8833":
                    return ThermalSensorKind.Amg8833;
                default:
                    Report(key, "must be none or amg8833, got '" + value + "'");
                    return ThermalSensorKind.None;
            }
        }

        private AmbientSensorKind AmbientKind(string key, string value)
        {
            switch (value)
            {
                case "none":
                    return AmbientSensorKind.None;
                case "bme280":
                    return AmbientSensorKind.Bme280;
                default:
                    Report(key, "must be none or bme280, got '" + value + "'");
                    return AmbientSensorKind.None;
            }
        }

        private UplinkKind Uplink(string key, string value)
        {
            switch (value)
            {
                case "none":
                    return UplinkKind.None;
                case "mqtt":
                    return UplinkKind.Mqtt;
                case "lorawan":
                    return UplinkKind.LoRaWan;
                default:
                    Report(key, "must be none, mqtt or lorawan, got '" + value + "'");
                    return UplinkKind.None;
            }
        }

        private LoRaWanRegion Region(string key, string value)
        {
            switch (value)
            {
                case "eu868":
                    return LoRaWanRegion.Eu868;
                case "us915":
                    return LoRaWanRegion.Us915;
                default:
                    Report(key, "must be eu868 or us915, got '" + value + "'");
                    return LoRaWanRegion.Eu868;
            }
        }
    }
}
