using OccupancySensor.Configuration;
using OccupancySensor.HostSim.World.Floor;

namespace OccupancySensor.HostSim.Scoring;

/// <summary>
/// The ground truth of one unit, from the same positions the frames are rendered from: who is in each configured
/// zone (a person is in the zone holding the pixel under the top of their head, the rule the firmware's zones use),
/// who is in view, and, for a door unit, every completed crossing of the door line. A crossing is a pass through the
/// view that enters on one side of the line and leaves on the other; walking in and turning back is none.
/// </summary>
internal sealed class UnitTruth
{
    /// <summary>The door units' line: the boundary between columns 3 and 4 (<c>door = x=4</c>); up the columns is in.</summary>
    public const double DoorColumn = 4;

    private readonly UnitView _view;
    private readonly ZoneConfiguration[] _zones;
    private readonly int[] _people;
    private readonly bool[] _inView;
    private readonly bool[] _enteredHigh;
    private readonly bool[] _lastHigh;

    public UnitTruth(UnitView view, ZoneConfiguration[] zones, bool countsDoor)
    {
        _view = view;
        _zones = zones;
        _people = new int[zones.Length];
        CountsDoor = countsDoor;
        _inView = new bool[view.AgentCount];
        _enteredHigh = new bool[view.AgentCount];
        _lastHigh = new bool[view.AgentCount];
    }

    public bool CountsDoor { get; }

    public int ViewPeople { get; private set; }

    public int In { get; private set; }

    public int Out { get; private set; }

    /// <summary>People inside the area behind the door (everyone starts outside).</summary>
    public int AreaPeople => In - Out;

    /// <summary>Completed crossings in time order: seconds since midnight and whether it was in.</summary>
    public List<(double Seconds, bool In)> Crossings { get; } = new();

    public int PeopleIn(int zone) => _people[zone];

    /// <summary>Works out who is where at <paramref name="t"/>.</summary>
    public void Update(double t)
    {
        Array.Clear(_people);
        ViewPeople = 0;
        for (var a = 0; a < _view.AgentCount; a++)
        {
            if (!_view.Where(a, t, out var u, out var v, out _, out _, out _) || u < 0 || v < 0 || u >= UnitProjection.Side || v >= UnitProjection.Side)
            {
                continue;
            }

            ViewPeople++;
            var column = (int)u;
            var row = (int)v;
            for (var z = 0; z < _zones.Length; z++)
            {
                if (_zones[z].Contains(column, row))
                {
                    _people[z]++;
                }
            }
        }
    }

    /// <summary>Follows every person through the door view at <paramref name="t"/> (called at the door unit's frame rate).</summary>
    public void TrackDoor(double t)
    {
        for (var a = 0; a < _view.AgentCount; a++)
        {
            var present = _view.Where(a, t, out var u, out var v, out _, out _, out _);
            var inside = present && u >= 0 && v >= 0 && u < UnitProjection.Side && v < UnitProjection.Side;
            var high = u >= DoorColumn;
            if (inside && !_inView[a])
            {
                _enteredHigh[a] = high;
            }
            else if (!inside && _inView[a] && _lastHigh[a] != _enteredHigh[a])
            {
                var wentIn = _lastHigh[a];
                Crossings.Add((t, wentIn));
                if (wentIn)
                {
                    In++;
                }
                else
                {
                    Out++;
                }
            }

            _inView[a] = inside;
            if (inside)
            {
                _lastHigh[a] = high;
            }
        }
    }
}
