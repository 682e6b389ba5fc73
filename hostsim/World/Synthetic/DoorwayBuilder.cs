namespace OccupancySensor.HostSim.World.Synthetic;

/// <summary>
/// Turns doorway steps into people with paths. Geometry: an AMG8833 (60° field) on a 2.5-2.7 m ceiling sees a head
/// 0.8-1 m below it, so a pixel spans about 0.13 m at head height and the 8 columns about 1.1 m: a 0.2 m head is one
/// and a half pixels, 0.45 m shoulders three to four. At 0.7-1.8 m/s a person crosses the 8 columns in 0.6-1.5 s:
/// 5-15 frames at 10 fps.
/// </summary>
internal sealed class DoorwayBuilder(SceneDraft draft, SceneRandom random, double framesPerSecond)
{
    // People walk along the rows between the door jambs, which the view shows from about row 1 to row 7.
    private const double MinRow = 1.3;
    private const double MaxRow = 6.7;

    // About 1 m between one person and the next in a tandem: 6-8 pixels at head height.
    private const double TandemGapLow = 5.5;
    private const double TandemGapHigh = 8.0;

    // Side by side, shoulder to shoulder: 0.4-0.55 m between the two centres, 3-4 rows.
    private const double PairRowsLow = 3.0;
    private const double PairRowsHigh = 4.0;

    // Paths start and end this far outside the view: 5 sigma of the widest blob along the path, nothing left in view.
    private const double Margin = 5.5;

    private readonly List<(SyntheticPerson Person, Actor Actor)> _pending = new();
    private readonly List<SceneEvent> _notes = new();

    public double LastEnd { get; private set; }

    /// <summary>Adds the step starting at <paramref name="start"/>; returns when its last person has gone.</summary>
    public double Add(DoorwayStep step, double start)
    {
        Plan(step, start);
        Commit();
        return LastEnd;
    }

    /// <summary>Adds the step when everyone in it has gone by <paramref name="limit"/>.</summary>
    public bool TryAdd(DoorwayStep step, double start, double limit)
    {
        Plan(step, start);
        if (_pending.Max(p => p.Actor.End) > limit)
        {
            _pending.Clear();
            _notes.Clear();
            return false;
        }

        Commit();
        return true;
    }

    private void Commit()
    {
        foreach (var (person, actor) in _pending)
        {
            draft.Add(person, actor);
            LastEnd = Math.Max(LastEnd, actor.End);
        }

        draft.Timeline.AddRange(_notes);
        _pending.Clear();
        _notes.Clear();
    }

    private void Plan(DoorwayStep step, double t0)
    {
        var dir = step.Direction switch
        {
            "in" => 1,
            "out" => -1,
            _ => throw new ArgumentException($"a doorway step goes \"in\" or \"out\", not \"{step.Direction}\"", nameof(step)),
        };
        _notes.Add(new SceneEvent(t0, $"{step.Pass} {step.Direction}"));
        switch (step.Pass)
        {
            case DoorwayPass.Walker:
                Walker("walker", dir, t0, random.Uniform(MinRow + 0.5, MaxRow - 0.5), CrossingFrames(), HeadAndShoulders(false), 1);
                break;
            case DoorwayPass.Hooded:
                Walker("hooded walker", dir, t0, random.Uniform(MinRow + 0.5, MaxRow - 0.5), CrossingFrames(), HeadAndShoulders(true), 1);
                break;
            case DoorwayPass.SideBySide:
            {
                // Walking together: the same pace give or take 5 %, within a frame of each other, keeping their rows.
                var row = random.Uniform(MinRow, MaxRow - PairRowsHigh);
                var frames = CrossingFrames();
                Walker("side-by-side", dir, t0, row, frames, HeadAndShoulders(false), 0.3);
                Walker("side-by-side", dir, t0 + random.Uniform(0, 0.1), row + random.Uniform(PairRowsLow, PairRowsHigh), frames * random.Uniform(0.95, 1.05), HeadAndShoulders(false), 0.3);
                break;
            }

            case DoorwayPass.Tandem:
            {
                var row = random.Uniform(MinRow + 0.7, MaxRow - 0.7);
                var frames = CrossingFrames();
                var speed = 8 / (frames / framesPerSecond);
                Walker("tandem", dir, t0, row, frames, HeadAndShoulders(false), 1);
                var behind = random.Uniform(TandemGapLow, TandemGapHigh) / speed;
                var second = Math.Clamp(row + random.Uniform(-1, 1), MinRow, MaxRow);
                Walker("tandem", dir, t0 + behind, second, frames * random.Uniform(0.95, 1.05), HeadAndShoulders(random.Chance(0.2)), 1);
                break;
            }

            case DoorwayPass.TurnBack:
                TurnBack(dir, t0);
                break;
            case DoorwayPass.Lingerer:
                Lingerer(dir, t0);
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(step), step.Pass, "unknown doorway pass");
        }
    }

    /// <summary>Frames to cross the 8 columns: 6-14 on average, so that with the easing a crossing takes 5-15.</summary>
    private double CrossingFrames() => random.Uniform(6, 14);

    /// <summary>
    /// Head and shoulders from above: shoulders and upper arms (about 3.5 x 2 pixels of clothing) blurred by the
    /// AMG8833's wide optical spread into an ellipse wider across the walking direction, with the head (1.5 pixels of
    /// hair and skin) adding a third of the peak on top. Peak +4 to +7 °C (pulsing by about ±15 % as the person
    /// passes over pixel boundaries), above half of it over 3-8 pixels (2-9 at the extremes); under a hat or hood
    /// the head hardly adds anything and the peak is +2.5 to +3.5 °C. Taller people are closer to the sensor:
    /// sizes vary by ±10 %.
    /// </summary>
    private PersonShape HeadAndShoulders(bool hooded)
    {
        var size = random.Uniform(0.9, 1.1);
        return hooded
            ? new PersonShape(random.Uniform(2.5, 3.5), 1.0 * size, 1.4 * size, 0.12, 0.6 * size)
            : new PersonShape(random.Uniform(4.0, 7.0), 1.0 * size, 1.4 * size, 0.3, 0.6 * size);
    }

    private (double Start, double End) Outside(int dir) => dir > 0 ? (-Margin, 8 + Margin) : (8 + Margin, -Margin);

    private void Walker(string kind, int dir, double t0, double row, double frames, PersonShape shape, double wander)
    {
        // A slight acceleration or deceleration (speed varies by up to ±20 % across the view), a sideways drift of
        // up to 0.8 rows and a bow of up to 0.4: nobody walks a ruler-straight line at constant speed.
        var speed = 8 / (frames / framesPerSecond);
        var (xs, xe) = Outside(dir);
        var endRow = Math.Clamp(row + (wander * random.Uniform(-0.8, 0.8)), MinRow, MaxRow);
        var duration = (8 + (2 * Margin)) / speed;
        var leg = new Leg(t0, t0 + duration, xs, row, xe, endRow, 0, 0, random.Uniform(-0.2, 0.2), wander * random.Uniform(-0.4, 0.4));
        Person(kind, dir, true, new[] { leg }, shape, 0, 1);
    }

    private void TurnBack(int dir, double t0)
    {
        // Walks up to the door line (stopping 1.4 columns short of it up to 0.3 past it), stands a moment, goes back.
        var speed = 8 / (CrossingFrames() / framesPerSecond);
        var (xs, _) = Outside(dir);
        var reach = random.Uniform(2.6, 4.3);
        var turn = dir > 0 ? reach : 8 - reach;
        var row = random.Uniform(MinRow + 0.5, MaxRow - 0.5);
        var back = Math.Clamp(row + random.Uniform(-0.5, 0.5), MinRow, MaxRow);
        var t1 = t0 + (Math.Abs(turn - xs) / speed);
        var pause = random.Uniform(0.5, 2.5);
        var t2 = t1 + pause;
        var legs = new[]
        {
            new Leg(t0, t1, xs, row, turn, row, 0, 0, -0.5),
            new Leg(t1, t1 + (pause / 2), turn, row, turn, row, 0, 1),
            new Leg(t1 + (pause / 2), t2, turn, row, turn, row, 1, 0),
            new Leg(t2, t2 + (Math.Abs(turn - xs) / speed), turn, row, xs, back, 0, 0, 0.5),
        };
        Person("turn-back", dir, false, legs, HeadAndShoulders(random.Chance(0.2)), 0.1, 1.5);
    }

    private void Lingerer(int dir, double t0)
    {
        // Stops under the sensor, anywhere from a column before the door line to a column after it, for 2-6 s,
        // shuffling by up to 0.4 pixels once or twice (often back and forth over the line), then goes on through.
        var speed = 8 / (CrossingFrames() / framesPerSecond);
        var (xs, xe) = Outside(dir);
        var spot = random.Uniform(3.0, 5.0);
        var x = dir > 0 ? spot : 8 - spot;
        var y = random.Uniform(MinRow + 0.7, MaxRow - 0.7);
        var linger = random.Uniform(2, 6);
        var shuffles = linger > 4 ? 2 : 1;
        const double settle = 0.6;
        const double step = 0.8;
        var still = (linger - (2 * settle) - (shuffles * step)) / (shuffles + 1);

        var legs = new List<Leg>();
        var t = t0 + (Math.Abs(x - xs) / speed);
        legs.Add(new Leg(t0, t, xs, y, x, y, 0, 0, -0.5));
        legs.Add(new Leg(t, t + settle, x, y, x, y, 0, 1));
        t += settle;
        double cx = x, cy = y;
        for (var i = 0; i < shuffles; i++)
        {
            legs.Add(Leg.Still(t, t + still, cx, cy));
            t += still;
            var (nx, ny) = (x + random.Uniform(-0.4, 0.4), y + random.Uniform(-0.4, 0.4));
            legs.Add(new Leg(t, t + step, cx, cy, nx, ny, 1, 1));
            t += step;
            (cx, cy) = (nx, ny);
        }

        legs.Add(Leg.Still(t, t + still, cx, cy));
        t += still;
        legs.Add(new Leg(t, t + settle, cx, cy, cx, cy, 1, 0));
        t += settle;
        legs.Add(new Leg(t, t + (Math.Abs(xe - cx) / speed), cx, cy, xe, cy, 0, 0, 0.4));
        Person("lingerer", dir, true, legs, HeadAndShoulders(random.Chance(0.2)), 0.1, 1.5);
    }

    private void Person(string kind, int dir, bool crosses, IReadOnlyList<Leg> legs, PersonShape shape, double wobble, double wobbleSeconds)
    {
        var actor = new Actor(legs, shape, shape, random.NextBits(), wobble, wobbleSeconds);
        _pending.Add((new SyntheticPerson(kind, dir > 0 ? "in" : "out", crosses, actor.Start, actor.End), actor));
    }
}
