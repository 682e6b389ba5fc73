using OccupancySensor.HostSim.World.Synthetic;

namespace OccupancySensor.HostSim.World.Floor;

/// <summary>
/// Writes a person's day as legs: walk to a point, stand, sit down, stay, stand up, leave the building. Keeps the
/// current place, time and posture so each step starts where the last one ended.
/// </summary>
internal sealed class PathBuilder
{
    // Sitting down or getting up takes a couple of seconds.
    public const double PostureSeconds = 2;

    private readonly List<Leg> _legs = new();

    public double T { get; private set; }

    public double X { get; private set; }

    public double Y { get; private set; }

    public bool Seated { get; private set; }

    public bool InBuilding { get; private set; }

    public IReadOnlyList<Leg> Legs => _legs;

    /// <summary>Appears at (x, y) at time t (coming in from outside the floor plan).</summary>
    public PathBuilder Appear(double t, double x, double y)
    {
        if (InBuilding || t < T)
        {
            throw new InvalidOperationException("a person appears only while out, and not in the past");
        }

        (T, X, Y, InBuilding, Seated) = (t, x, y, true, false);
        return this;
    }

    public PathBuilder WalkTo(double x, double y, double speed)
    {
        Require(!Seated, "walk while seated");
        var distance = Math.Sqrt(((x - X) * (x - X)) + ((y - Y) * (y - Y)));
        if (distance < 1e-6)
        {
            return this;
        }

        var t1 = T + (distance / speed);
        _legs.Add(new Leg(T, t1, X, Y, x, y, 0, 0));
        (T, X, Y) = (t1, x, y);
        return this;
    }

    /// <summary>Stays where they are (standing or seated) until <paramref name="t"/>.</summary>
    public PathBuilder StayUntil(double t)
    {
        Require(InBuilding, "stay while out");
        if (t > T)
        {
            var posture = Seated ? 1 : 0;
            _legs.Add(new Leg(T, t, X, Y, X, Y, posture, posture));
            T = t;
        }

        return this;
    }

    public PathBuilder SitDown()
    {
        Require(InBuilding && !Seated, "sit down");
        _legs.Add(new Leg(T, T + PostureSeconds, X, Y, X, Y, 0, 1));
        T += PostureSeconds;
        Seated = true;
        return this;
    }

    public PathBuilder StandUp()
    {
        Require(Seated, "stand up");
        _legs.Add(new Leg(T, T + PostureSeconds, X, Y, X, Y, 1, 0));
        T += PostureSeconds;
        Seated = false;
        return this;
    }

    /// <summary>Leaves the floor plan (through the entrance, off to the street).</summary>
    public PathBuilder Disappear()
    {
        Require(InBuilding && !Seated, "leave");
        InBuilding = false;
        return this;
    }

    private static void Require(bool ok, string what)
    {
        if (!ok)
        {
            throw new InvalidOperationException("a path cannot " + what + " here");
        }
    }
}
