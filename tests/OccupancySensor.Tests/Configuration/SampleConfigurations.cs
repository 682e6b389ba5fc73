namespace OccupancySensor.Tests.Configuration;

/// <summary>Configuration texts the tests start from, written as a technician would.</summary>
internal static class SampleConfigurations
{
    public const string Desk = """
        # desk unit above desk 3E-07
        device.id = hq-f3-desk-07
        location.building = hq
        location.floor = 3
        location.zone = east
        location.asset = desk-3e-07
        location.asset_type = desk
        board = esp32-devkitc-amg8833
        sensors.thermal = amg8833
        sensors.thermal.address = 0x68
        sensors.thermal.fps = 1
        sensors.pir = yes
        sensors.ambient = bme280
        sensors.ambient.address = 0x77
        sensors.ambient.period_s = 120
        thresholds.presence_delta_c = 1.25
        thresholds.vacant_hold_s = 300
        reporting.period_s = 600
        uplink = mqtt
        uplink.mqtt.host = broker.example
        uplink.mqtt.port = 8883
        zone.left.rect = 0,0,4,8
        zone.left.capacity = 2
        zone.right.rect = 4,0,4,8
        zone.right.asset = desk-3e-08
        """;

    /// <summary>The desk file with one line replaced (or removed when <paramref name="replacement"/> is null).</summary>
    public static string DeskWith(string keyPrefix, string? replacement)
    {
        var lines = Desk.Split('\n').ToList();
        var index = lines.FindIndex(l => l.StartsWith(keyPrefix + " ", StringComparison.Ordinal));
        if (index < 0)
        {
            lines.Add(replacement ?? "");
        }
        else if (replacement == null)
        {
            lines.RemoveAt(index);
        }
        else
        {
            lines[index] = replacement;
        }

        return string.Join('\n', lines);
    }

    public static int LineOf(string text, string keyPrefix) =>
        text.Split('\n').ToList().FindIndex(l => l.StartsWith(keyPrefix, StringComparison.Ordinal)) + 1;
}
