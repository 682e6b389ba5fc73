namespace OccupancySensor.HostSim.World;

/// <summary>
/// The built-in scenario of the main job: a working day on one floor with three sensor units. A desk whose
/// occupant sits still for hours, a meeting room with two zones, and a desk unit whose thermal array vanishes from
/// the I2C bus for five minutes, whose BME280 stops answering for ten and whose network is down for half an hour,
/// to show the loop record faults, back off, recover and keep every reading.
/// </summary>
public static class DemoOffice
{
    public static readonly TimeSpan DayStart = TimeSpan.FromHours(8);
    public static readonly TimeSpan DayEnd = TimeSpan.FromHours(18);

    public sealed record UnitPlan(string Configuration, IReadOnlyList<Occupant> Occupants, IReadOnlyList<FaultWindow> Faults);

    public static IReadOnlyList<UnitPlan> Plans { get; } = new[]
    {
        new UnitPlan(
            Config("hq-f3-desk-07", "desk-3e-07", "desk", "sensors.thermal.fps = 1", ""),
            new[]
            {
                new Occupant(H(9, 2), H(12, 15), 3.5f, 4.5f),
                new Occupant(H(13, 5), H(17, 40), 3.6f, 4.4f),
            },
            Array.Empty<FaultWindow>()),
        new UnitPlan(
            Config(
                "hq-f3-meet-1",
                "meeting-1",
                "meeting_room",
                "sensors.thermal.fps = 10",
                "zone.table.rect = 0,0,5,8\nzone.table.capacity = 6\nzone.sofa.rect = 5,0,3,8\nzone.sofa.asset = meeting-1-sofa\n"),
            new[]
            {
                new Occupant(H(10, 0), H(11, 0), 2.5f, 4.0f, People: 4),
                new Occupant(H(14, 0), H(14, 30), 2.5f, 4.0f, People: 2),
                new Occupant(H(15, 10), H(15, 40), 6.5f, 3.5f),
            },
            Array.Empty<FaultWindow>()),
        new UnitPlan(
            Config("hq-f3-desk-08", "desk-3e-08", "desk", "sensors.thermal.fps = 1", ""),
            new[]
            {
                new Occupant(H(8, 40), H(11, 50), 4.5f, 3.5f),
                new Occupant(H(14, 20), H(16, 30), 4.4f, 3.6f),
            },
            new[]
            {
                new FaultWindow("thermal", H(11, 30), H(11, 35)),
                new FaultWindow("ambient", H(15, 0), H(15, 10)),
                new FaultWindow("network", H(12, 0), H(12, 30)),
            }),
    };

    private static TimeSpan H(int hours, int minutes) => new(hours, minutes, 0);

    private static string Config(string deviceId, string asset, string assetType, string thermal, string zones) => $"""
        # {deviceId}: deployed to I:\sensor.conf
        device.id = {deviceId}
        location.building = hq
        location.floor = 3
        location.zone = east
        location.asset = {asset}
        location.asset_type = {assetType}
        board = esp32-devkitc-amg8833
        sensors.thermal = amg8833
        {thermal}
        sensors.pir = true
        sensors.ambient = bme280
        thresholds.vacant_hold_s = 120
        reporting.period_s = 900
        uplink = mqtt
        uplink.mqtt.host = broker.hq.example
        {zones}
        """;
}
