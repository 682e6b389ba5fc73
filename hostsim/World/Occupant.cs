namespace OccupancySensor.HostSim.World;

/// <summary>
/// People at one place in a unit's thermal view for a while: a person at a desk, a group at a table. Positions are in
/// pixel coordinates of the unit's array (column, row; 0.5 is the centre of the first pixel's far edge).
/// </summary>
public sealed record Occupant(TimeSpan Arrive, TimeSpan Leave, float Column, float Row, int People = 1)
{
    /// <summary>Seconds spent walking in and out, when the PIR sees plenty of motion.</summary>
    public const double WalkSeconds = 6;

    public bool IsPresent(TimeSpan time) => time >= Arrive && time < Leave;

    public bool IsWalking(TimeSpan time) =>
        IsPresent(time) && ((time - Arrive).TotalSeconds < WalkSeconds || (Leave - time).TotalSeconds < WalkSeconds);
}

/// <summary>A period in which a part of a unit misbehaves: a chip that vanishes from the bus, a network outage.</summary>
public sealed record FaultWindow(string Part, TimeSpan Start, TimeSpan End)
{
    public bool IsActive(TimeSpan time) => time >= Start && time < End;
}
