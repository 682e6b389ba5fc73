using System.Text.Json;

namespace OccupancySensor.HostSim.Network.Lora;

/// <summary>
/// Writes what the gateway logged (<c>simulate --lora-capture FILE</c>) as JSON lines, so any network-server tool can
/// check the frames: one object per line, with a "type":
/// <list type="bullet">
/// <item>"capture": the header: format, region, and that times are the units' simulated clocks in ms since midnight.</item>
/// <item>"device": a unit's OTAA identity: device_id, dev_eui, join_eui, app_key (hex, most significant byte first).</item>
/// <item>"session": a join the network server accepted: device_id, time_ms (of the join request), app_nonce, net_id,
/// dev_nonce, dev_addr (hex, most significant byte first), nwk_s_key, app_s_key; the unit's later frames use these
/// keys until its next session.</item>
/// <item>"uplink" / "downlink": one packet: device_id, time_ms (start), frequency_hz, dr, sf, bw_hz, airtime_us,
/// heard (false: sent while the gateway could not hear the unit), phy (the PHY payload, hex).</item>
/// </list>
/// Sessions and frames are in time order, ties by device_id and then, for one unit, in the order it sent them: units
/// run on their own threads, so the order in which different units reached the channel changes from run to run and
/// is not kept; a run's capture is the same, byte for byte, every time.
/// </summary>
public static class LoraCaptureFile
{
    public const string Format = "occupancy-sensor lora-capture 1";

    public static void Write(string path, LoraNetwork network)
    {
        using var stream = File.Create(path);
        using var writer = new StreamWriter(stream);
        Write(writer, network);
    }

    public static void Write(TextWriter writer, LoraNetwork network)
    {
        Line(writer, w =>
        {
            w.WriteString("type", "capture");
            w.WriteString("format", Format);
            w.WriteString("region", "EU868");
            w.WriteString("time", "ms since midnight on each unit's simulated clock");
        });
        foreach (var device in network.Devices.OrderBy(d => d.DeviceId, StringComparer.Ordinal))
        {
            Line(writer, w =>
            {
                w.WriteString("type", "device");
                w.WriteString("device_id", device.DeviceId);
                w.WriteString("dev_eui", Hex(device.DevEui));
                w.WriteString("join_eui", Hex(device.JoinEui));
                w.WriteString("app_key", Hex(device.AppKey));
            });
        }

        foreach (var session in network.Sessions.OrderBy(s => s.StartMilliseconds).ThenBy(s => s.DeviceId, StringComparer.Ordinal))
        {
            Line(writer, w =>
            {
                w.WriteString("type", "session");
                w.WriteString("device_id", session.DeviceId);
                w.WriteNumber("time_ms", session.StartMilliseconds);
                w.WriteString("app_nonce", session.AppNonce.ToString("x6"));
                w.WriteString("net_id", LoraNetwork.NetId.ToString("x6"));
                w.WriteString("dev_nonce", session.DevNonce.ToString("x4"));
                w.WriteString("dev_addr", session.DevAddr.ToString("x8"));
                w.WriteString("nwk_s_key", Hex(session.NwkSKey));
                w.WriteString("app_s_key", Hex(session.AppSKey));
            });
        }

        foreach (var frame in network.Frames.Select((f, i) => (f, i)).OrderBy(x => x.f.StartMilliseconds)
                     .ThenBy(x => x.f.DeviceId, StringComparer.Ordinal).ThenBy(x => x.i).Select(x => x.f))
        {
            Line(writer, w =>
            {
                w.WriteString("type", frame.Uplink ? "uplink" : "downlink");
                w.WriteString("device_id", frame.DeviceId);
                w.WriteNumber("time_ms", frame.StartMilliseconds);
                w.WriteNumber("frequency_hz", frame.FrequencyHz);
                w.WriteNumber("dr", frame.DataRate);
                w.WriteNumber("sf", frame.SpreadingFactor);
                w.WriteNumber("bw_hz", frame.BandwidthHz);
                w.WriteNumber("airtime_us", frame.AirtimeMicroseconds);
                w.WriteBoolean("heard", frame.Heard);
                w.WriteString("phy", Hex(frame.Phy));
            });
        }
    }

    private static string Hex(byte[] bytes) => Convert.ToHexString(bytes).ToLowerInvariant();

    private static void Line(TextWriter writer, Action<Utf8JsonWriter> fields)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            fields(json);
            json.WriteEndObject();
        }

        writer.WriteLine(System.Text.Encoding.UTF8.GetString(buffer.ToArray()));
    }
}
