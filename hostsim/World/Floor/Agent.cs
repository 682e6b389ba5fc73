using OccupancySensor.HostSim.World.Synthetic;

namespace OccupancySensor.HostSim.World.Floor;

/// <summary>
/// How a person looks from above. Surface contrasts are °C over the room of what the array would read if the person
/// filled a whole pixel: hair and face (+4.5 to +5.5, a hat or hood +2.5) and shoulders and back (+3 in a shirt,
/// +2 in a jacket). What a pixel reads follows from how much of it the person covers, which is what makes mounting
/// height matter: see <see cref="UnitView"/>.
/// </summary>
internal readonly record struct AgentLook(double HeightM, double HeadContrast, double BodyContrast, double WalkingSpeed);

/// <summary>How much a person moves while seated: a sub-pixel wobble and how often that fires a PIR.</summary>
internal readonly record struct Fidget(double WobbleMetres, double WobbleSeconds, double PirChancePerTick)
{
    // 35 % of 30-second windows with one seated person fire a PIR (sensing.md): 1 - 0.65^(1/300) per 100 ms tick.
    public static readonly Fidget Normal = new(0.04, 20, 0.00144);

    // Reading, thinking: the body barely moves; hands and breathing still fire a PIR now and then (5 % of windows).
    public static readonly Fidget Still = new(0.0, 20, 0.00017);

    public static readonly Fidget Restless = new(0.08, 10, 0.004);

    public static Fidget Named(string name) => name switch
    {
        "still" => Still,
        "restless" => Restless,
        _ => Normal,
    };
}

/// <summary>
/// A person on the floor for the day: a path of legs in floor metres (x along the floor from the entrance, y across
/// it), with gaps while they are out of the building. A leg's posture is how seated the person is (0 standing or
/// walking, 1 seated). Positions are looked up with a caller-held cursor because every unit asks in time order.
/// </summary>
internal sealed class Agent
{
    private readonly Leg[] _legs;
    private readonly ulong _key;

    public Agent(int id, string role, IReadOnlyList<Leg> legs, AgentLook look, Fidget fidget, ulong key)
    {
        Id = id;
        Role = role;
        _legs = legs.ToArray();
        Look = look;
        Fidget = fidget;
        _key = key;
        for (var i = 1; i < _legs.Length; i++)
        {
            if (_legs[i].T0 < _legs[i - 1].T1 - 1e-6)
            {
                throw new InvalidOperationException($"agent {id}: legs overlap at {_legs[i].T0:F1} s");
            }
        }

        MinX = _legs.Min(l => Math.Min(l.X0, l.X1)) - 0.5;
        MaxX = _legs.Max(l => Math.Max(l.X0, l.X1)) + 0.5;
        MinY = _legs.Min(l => Math.Min(l.Y0, l.Y1)) - 0.5;
        MaxY = _legs.Max(l => Math.Max(l.Y0, l.Y1)) + 0.5;
    }

    public int Id { get; }

    /// <summary>"worker" or "visitor".</summary>
    public string Role { get; }

    public AgentLook Look { get; }

    public Fidget Fidget { get; }

    public IReadOnlyList<Leg> Legs => _legs;

    public double MinX { get; }

    public double MaxX { get; }

    public double MinY { get; }

    public double MaxY { get; }

    /// <summary>
    /// Where the person is at <paramref name="t"/> (seconds since midnight): false while they are out of the building.
    /// <paramref name="cursor"/> is the index of the leg found last time; asking in time order makes this O(1).
    /// </summary>
    public bool Locate(double t, ref int cursor, out double x, out double y, out double seated, out double speed)
    {
        x = y = seated = speed = 0;
        if (_legs.Length == 0 || t < _legs[0].T0 || t >= _legs[^1].T1)
        {
            return false;
        }

        if (cursor < 0 || cursor >= _legs.Length || _legs[cursor].T0 > t)
        {
            cursor = 0;
        }

        while (cursor + 1 < _legs.Length && _legs[cursor + 1].T0 <= t)
        {
            cursor++;
        }

        var leg = _legs[cursor];
        if (t >= leg.T1)
        {
            return false; // between legs: out of the building
        }

        (x, y, seated) = leg.At(t);
        var duration = leg.T1 - leg.T0;
        if (duration > 0)
        {
            var dx = leg.X1 - leg.X0;
            var dy = leg.Y1 - leg.Y0;
            speed = Math.Sqrt((dx * dx) + (dy * dy)) / duration;
        }

        if (Fidget.WobbleMetres > 0 && seated > 0)
        {
            // A slow shift in the chair and a smaller, faster sway (smooth noise: no jumps).
            var slow = t / Fidget.WobbleSeconds;
            var fast = t * 6 / Fidget.WobbleSeconds;
            var amplitude = Fidget.WobbleMetres * seated;
            x += amplitude * ((0.7 * CounterNoise.Smooth(_key, 1, slow)) + (0.3 * CounterNoise.Smooth(_key, 2, fast)));
            y += amplitude * ((0.7 * CounterNoise.Smooth(_key, 3, slow)) + (0.3 * CounterNoise.Smooth(_key, 4, fast)));
        }

        return true;
    }
}
