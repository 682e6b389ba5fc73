using OccupancySensor.Configuration;
using OccupancySensor.Readings;

namespace OccupancySensor.Uplink
{
    /// <summary>
    /// The JSON payload of a reading (README, "Payload schema"): device id and sequence number (so a consumer can
    /// drop duplicates), the location tags, and the reading's states or counts. Nothing in it identifies a person.
    /// Built per reading, not per frame, so the strings it allocates are few.
    /// </summary>
    public static class ReadingJson
    {
        /// <summary>The name of a reading kind in topics and payloads.</summary>
        public static string KindName(ReadingKind kind)
        {
            switch (kind)
            {
                case ReadingKind.PresenceChanged:
                    return "presence";
                case ReadingKind.PeriodicCount:
                    return "count";
                case ReadingKind.InOutTotals:
                    return "inout";
                case ReadingKind.Alert:
                    return "alert";
                case ReadingKind.DeviceHealth:
                    return "health";
                case ReadingKind.Ambient:
                    return "ambient";
                case ReadingKind.ReadingsDropped:
                    return "dropped";
                default:
                    return "unknown";
            }
        }

        /// <summary>
        /// Formats <paramref name="reading"/> with its sequence number; <paramref name="history"/> marks a reading
        /// sent again on a "history" command (consumers that have it drop it by device and sequence number).
        /// </summary>
        public static string Format(DeviceConfiguration configuration, UplinkTopics topics, Reading reading, long sequence, bool history)
        {
            string zone = reading.Zone >= 0 && reading.Zone < configuration.Zones.Length
                ? configuration.Zones[reading.Zone].Id
                : string.Empty;
            string assetType = reading.Zone >= 0 && reading.Zone < configuration.Zones.Length &&
                               configuration.Zones[reading.Zone].AssetType.Length > 0
                ? configuration.Zones[reading.Zone].AssetType
                : configuration.AssetType;

            string json = "{\"device\":\"" + configuration.DeviceId + "\",\"seq\":" + sequence.ToString() +
                          ",\"uptime_ms\":" + reading.TimestampMilliseconds.ToString() +
                          ",\"kind\":\"" + KindName(reading.Kind) + "\"" +
                          ",\"building\":\"" + configuration.Building + "\",\"floor\":\"" + configuration.Floor + "\"" +
                          ",\"area\":\"" + configuration.LocationZone + "\",\"zone\":\"" + zone + "\"" +
                          ",\"asset\":\"" + topics.AssetOf(reading.Zone) + "\",\"asset_type\":\"" + assetType + "\"";
            switch (reading.Kind)
            {
                case ReadingKind.PresenceChanged:
                    json += ",\"occupied\":" + (reading.ValueA != 0 ? "true" : "false");
                    break;
                case ReadingKind.PeriodicCount:
                    json += ",\"count\":" + reading.ValueA.ToString();
                    break;
                case ReadingKind.InOutTotals:
                    json += ",\"in\":" + reading.ValueA.ToString() + ",\"out\":" + reading.ValueB.ToString();
                    break;
                case ReadingKind.Alert:
                    json += ",\"raised\":" + (reading.ValueA != 0 ? "true" : "false") + ",\"count\":" + reading.ValueB.ToString();
                    break;
                case ReadingKind.DeviceHealth:
                    json += ",\"faults\":" + reading.ValueA.ToString() + ",\"uptime_s\":" + reading.ValueB.ToString();
                    break;
                case ReadingKind.ReadingsDropped:
                    json += ",\"dropped\":" + reading.ValueA.ToString() + ",\"dropped_total\":" + reading.ValueB.ToString();
                    break;
                case ReadingKind.Ambient:
                    json += ",\"temperature_c\":" + Number(reading.MeasureA) + ",\"humidity_pct\":" + Number(reading.MeasureB) +
                            ",\"pressure_hpa\":" + Number(reading.MeasureC);
                    break;
            }

            if (history)
            {
                json += ",\"history\":true";
            }

            return json + "}";
        }

        private static string Number(float value)
        {
            // JSON has no NaN: a channel the sensor lacks is null.
            if (float.IsNaN(value) || float.IsInfinity(value))
            {
                return "null";
            }

            return value.ToString("F2");
        }
    }
}
