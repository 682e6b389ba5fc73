namespace OccupancySensor.HostSim.World.Synthetic;

/// <summary>
/// Deterministic synthetic recordings with ground truth, one factory per scene. The same seed and options always give
/// the same recording; see README.md beside this file for what each scene models and why its numbers are what they are.
/// </summary>
public static class SyntheticScenes
{
    // ── 16x12 desk view (MLX90641-like) ─────────────────────────────────────────────────────────────────────────

    /// <summary>Per-pixel temporal noise of the 16x12 scenes, °C (the level this generator is specified for).</summary>
    public const double MlxNoiseSigma = 0.34;

    /// <summary>Nobody is in view for the first five minutes of a desk recording.</summary>
    public const double EmptyStartSeconds = 300;

    // +1.5 °C over a four-hour morning: heating catching up, sun on the facade, the floor filling up.
    private const double DeskDriftPerHour = 1.5 / 4;

    // Fixed pattern: the array's pixel-to-pixel offsets after calibration plus floor, desk and carpet emissivities.
    private const double DeskOffsetCelsius = 0.3;

    // Monitors (panel and housing) warm and cool as first-order systems with about ten minutes' time constant.
    private const double MonitorTauSeconds = 600;

    // A walking person's centre this far outside the view (5 sigma of the walking blob) leaves under 0.01 °C of it
    // in view: paths start and end there, so nobody pops into view.
    private const double OutsideMargin = 4.0;

    // A standing or walking person's head and shoulders are about 1.4 m from a 2.7 m ceiling: +3 °C over a round blob.
    private static readonly PersonShape DeskWalking = new(3.0, 0.8, 1.0);

    // Seated, the person is 0.3-0.5 m further away and partly hidden by the desk edge and the chair back: a softer
    // blob of only +2.5 °C (+2.3 to +2.7 depending on where it sits on the pixel grid), reading above half its peak
    // over 6-8 pixels.
    private static readonly PersonShape DeskSeated = new(2.5, 1.1, 1.3);

    /// <summary>
    /// A 16x12 ceiling view of a desk: five minutes of an empty room, a person walking in from the side of the view
    /// over 4-6 s and sitting down at the desk's chair on the bottom edge of the view, in front of two monitors, and
    /// staying seated for <paramref name="hours"/>.
    /// </summary>
    /// <param name="seed">Any integer; the same seed gives the same recording.</param>
    /// <param name="hours">How long the person stays seated.</param>
    /// <param name="framesPerSecond">4 like an MLX90641 at its usual rate; 2 or less keeps long runs short.</param>
    /// <param name="fidget">False makes the seated person perfectly still (no wobble, no arm moves): only noise moves.</param>
    /// <param name="monitorsOnAtMinutes">Null: monitors on and warm from the start. Otherwise they are cold until then and warm up.</param>
    /// <param name="leaveThenMinutes">When set, the person gets up after <paramref name="hours"/>, walks out over about 4 s, and the recording goes on this many minutes.</param>
    /// <param name="monitorsOffMinutesAfterLeaving">When set (with leaving), the monitors switch off this many minutes after the person left the view (0: as they go) and cool down.</param>
    /// <param name="sunPatchAtMinutes">When set, a sun patch starts fading in at this minute (see README).</param>
    /// <param name="noiseSigma">Per-pixel temporal noise, °C.</param>
    /// <param name="driftPerHour">Room temperature drift, °C per hour.</param>
    public static SyntheticRecording StillWorker16x12(
        int seed,
        double hours,
        double framesPerSecond = 4,
        bool fidget = true,
        double? monitorsOnAtMinutes = null,
        double? leaveThenMinutes = null,
        double? monitorsOffMinutesAfterLeaving = null,
        double? sunPatchAtMinutes = null,
        double noiseSigma = MlxNoiseSigma,
        double driftPerHour = DeskDriftPerHour)
    {
        Positive(hours, nameof(hours));
        Positive(framesPerSecond, nameof(framesPerSecond));
        if (monitorsOffMinutesAfterLeaving != null && leaveThenMinutes == null)
        {
            throw new ArgumentException("the monitors are switched off after the person leaves: give leaveThenMinutes too", nameof(monitorsOffMinutesAfterLeaving));
        }

        var name = $"still-worker-16x12 seed {seed}";
        var draft = new SceneDraft(name, 16, 12, framesPerSecond);
        var desk = DeskRoom(draft, seed, noiseSigma, driftPerHour);

        // Everything is drawn whatever the options, in the same order, so an option changes only what it is about:
        // the same seed sits the same person in the same place with or without fidgets, leaving or sun.
        var random = new SceneRandom(seed, "still-worker-16x12");
        draft.NoiseKey = random.NextBits();
        var actorKey = random.NextBits();
        draft.Note(0, "recording starts, nobody in view");

        // The person comes along the aisle in front of the desk from one side of the view, slows down beside the
        // chair, and in the last second steps in and sits down.
        var from = random.Chance(0.5) ? -1 : 1;
        var edgeX = from < 0 ? 0.0 : draft.Width;
        var outsideX = edgeX + (from * OutsideMargin);
        var standX = desk.ChairX + (from * 0.8);
        var aisleY = desk.ChairY - random.Uniform(0.2, 0.8);
        var enter = EmptyStartSeconds;
        var walkIn = random.Uniform(4, 6);
        var walkOut = random.Uniform(3.5, 4.5);
        var seated = enter + walkIn;
        var stand = seated + (hours * 3600);
        const double sitSeconds = 1.0;
        const double slowDown = -0.3;

        var legs = new List<Leg>();
        var walkSpeed = Math.Abs(standX - edgeX) / (walkIn - sitSeconds) * (1 - slowDown);
        var approach = OutsideMargin / walkSpeed;
        legs.Add(new Leg(enter - approach, enter, outsideX, aisleY, edgeX, aisleY, 0, 0));
        legs.Add(new Leg(enter, seated - sitSeconds, edgeX, aisleY, standX, aisleY, 0, 0, slowDown));
        legs.Add(new Leg(seated - sitSeconds, seated, standX, aisleY, desk.ChairX, desk.ChairY, 0, 1));
        legs.Add(Leg.Still(seated, stand, desk.ChairX, desk.ChairY));
        draft.Note(enter - approach, "person approaches the view");
        draft.Note(enter, "person enters the view");
        draft.Note(seated, "person seated");

        var end = stand;
        double? left = null;
        if (leaveThenMinutes is { } after)
        {
            NotNegative(after, nameof(leaveThenMinutes));
            var leaveView = stand + walkOut;
            const double speedUp = 0.3;
            var outSpeed = Math.Abs(standX - edgeX) / (walkOut - sitSeconds) * (1 + speedUp);
            legs.Add(new Leg(stand, stand + sitSeconds, desk.ChairX, desk.ChairY, standX, aisleY, 1, 0));
            legs.Add(new Leg(stand + sitSeconds, leaveView, standX, aisleY, edgeX, aisleY, 0, 0, speedUp));
            legs.Add(new Leg(leaveView, leaveView + (OutsideMargin / outSpeed), edgeX, aisleY, outsideX, aisleY, 0, 0));
            draft.Note(stand, "person stands up");
            draft.Note(leaveView, "person leaves the view");
            left = leaveView;
            end = leaveView + (after * 60);
        }

        // Now and then (every five minutes on average) an arm reaches out for two to six seconds, mostly forward to
        // the keyboard or a mug, sometimes to the side.
        var arms = new List<ArmMove>();
        var armRandom = new SceneRandom(seed, "still-worker-16x12 arms");
        for (var t = seated + armRandom.Exponential(300); t < stand - 10;)
        {
            var duration = armRandom.Uniform(2, 6);
            var pick = armRandom.NextDouble();
            var (dx, dy) = pick < 0.6 ? (0, -1) : pick < 0.8 ? (-1, 0) : (1, 0);
            arms.Add(new ArmMove(t, t + duration, dx, dy));
            t += duration + armRandom.Exponential(300);
        }

        // Sub-pixel wobble while seated: shifting weight, leaning, breathing; about a tenth of a pixel.
        var actor = fidget
            ? new Actor(legs, DeskWalking, DeskSeated, actorKey, 0.12, 30, arms)
            : new Actor(legs, DeskWalking, DeskSeated, actorKey);
        draft.Add(new SyntheticPerson("desk worker", null, false, legs[0].T0, legs[^1].T1), actor);

        var monitorsOn = monitorsOnAtMinutes * 60 ?? double.NegativeInfinity;
        var monitorsOff = left is { } gone && monitorsOffMinutesAfterLeaving is { } offAfter ? gone + (offAfter * 60) : double.PositiveInfinity;
        AddMonitors(draft, desk, monitorsOn, monitorsOff);
        AddSun(draft, seed, sunPatchAtMinutes);
        draft.Seconds = end;
        return draft.Build();
    }

    /// <summary>
    /// The same desk view as <see cref="StillWorker16x12"/> (the same room for the same seed) with nobody ever in view:
    /// the monitors switch on at <paramref name="monitorsOnAtMinutes"/> (null: already on and warm), warm up and stay on.
    /// Truth is never occupied; a detector must not take warming monitors or a sun patch for a person.
    /// </summary>
    public static SyntheticRecording MonitorsOnly16x12(
        int seed,
        double hours,
        double framesPerSecond = 4,
        double? monitorsOnAtMinutes = 5,
        double? sunPatchAtMinutes = null,
        double noiseSigma = MlxNoiseSigma,
        double driftPerHour = DeskDriftPerHour)
    {
        Positive(hours, nameof(hours));
        Positive(framesPerSecond, nameof(framesPerSecond));
        var draft = new SceneDraft($"monitors-only-16x12 seed {seed}", 16, 12, framesPerSecond);
        var desk = DeskRoom(draft, seed, noiseSigma, driftPerHour);
        var random = new SceneRandom(seed, "monitors-only-16x12");
        draft.NoiseKey = random.NextBits();
        draft.Note(0, "recording starts, nobody in view");
        AddMonitors(draft, desk, monitorsOnAtMinutes * 60 ?? double.NegativeInfinity, double.PositiveInfinity);
        AddSun(draft, seed, sunPatchAtMinutes);
        draft.Seconds = hours * 3600;
        return draft.Build();
    }

    private sealed record Desk(double ChairX, double ChairY, (double X0, double Y0, double X1, double Y1, double Contrast)[] Monitors);

    /// <summary>The desk room a seed gives, shared by the 16x12 scenes.</summary>
    private static Desk DeskRoom(SceneDraft draft, int seed, double noiseSigma, double driftPerHour)
    {
        var random = new SceneRandom(seed, "desk-room-16x12");
        draft.Room = RoomAir.Draw(random, draft.Width * draft.Height, 21.0, 22.0, driftPerHour, DeskOffsetCelsius);
        draft.NoiseSigma = noiseSigma;
        draft.QuantumCelsius = 0;

        // The desk's back edge runs across the middle of the view; two monitors stand on it side by side, each
        // seen as 2 columns by 3 rows, and the chair is in front of them on the bottom edge of the view, where a
        // ceiling unit above a row of desks usually catches its occupant. The whole desk sits a column left or
        // right from seed to seed.
        var shift = random.Int(-1, 1);
        var monitors = new[]
        {
            (5.0 + shift, 5.0, 7.0 + shift, 8.0, random.Uniform(5.0, 6.0)),
            (9.0 + shift, 5.0, 11.0 + shift, 8.0, random.Uniform(5.0, 6.0)),
        };
        var chairX = 8.0 + shift + random.Uniform(-0.3, 0.3);
        var chairY = 10.7 + random.Uniform(-0.15, 0.15);
        return new Desk(chairX, chairY, monitors);
    }

    private static void AddMonitors(SceneDraft draft, Desk desk, double onAt, double offAt)
    {
        foreach (var (x0, y0, x1, y1, contrast) in desk.Monitors)
        {
            draft.Sources.Add(new DeskMonitor(x0, y0, x1, y1, contrast, onAt, offAt, MonitorTauSeconds));
        }

        if (double.IsFinite(onAt))
        {
            draft.Note(onAt, "monitors switched on (warming, τ 10 min)");
        }

        if (double.IsFinite(offAt))
        {
            draft.Note(offAt, "monitors switched off (cooling, τ 10 min)");
        }
    }

    private static void AddSun(SceneDraft draft, int seed, double? startMinutes)
    {
        if (startMinutes is not { } minutes)
        {
            return;
        }

        // Its own draws: the same seed puts the sun in the same place in both 16x12 scenes.
        var random = new SceneRandom(seed, "sun-16x12");

        // A +2 °C patch about 3x3 pixels on the floor behind the desk; over its two hours the sun's azimuth moves
        // about 30° and the patch creeps about 4 pixels across the floor; it fades in and out over 20 minutes as
        // the sun clears the window reveal and then the next building.
        const double duration = 2 * 3600;
        var start = minutes * 60;
        var x0 = random.Uniform(2.0, 4.0);
        var y0 = random.Uniform(2.2, 2.8);
        var angle = random.Uniform(0, 0.3);
        draft.Sources.Add(new SunPatch(start, duration, 20 * 60, x0, y0, x0 + (4 * Math.Cos(angle)), y0 + (4 * Math.Sin(angle)), 3, 2.0));
        draft.Note(start, "sun patch starts fading in");
        draft.Note(start + duration, "sun patch gone");
    }

    // ── 8x8 doorway (AMG8833) ───────────────────────────────────────────────────────────────────────────────────

    /// <summary>The door line of the doorway scene: between columns 3 and 4.</summary>
    public const double DoorLineX = 4.0;

    /// <summary>
    /// An AMG8833 (8x8, 60° field) on the ceiling above a doorway, people crossing along the rows: "in" is towards
    /// higher columns, counted when a person's centre crosses x = 4.0 and the person ends on the far side.
    /// </summary>
    public static SyntheticRecording Doorway8x8(int seed, DoorwayOptions? options = null)
    {
        options ??= DoorwayOptions.SingleWalkers;
        Positive(options.FramesPerSecond, nameof(options.FramesPerSecond));
        if (options.MinGapSeconds < 0 || options.MaxGapSeconds < options.MinGapSeconds)
        {
            throw new ArgumentException("gaps must satisfy 0 <= MinGapSeconds <= MaxGapSeconds", nameof(options));
        }

        var random = new SceneRandom(seed, "doorway-8x8");
        var draft = new SceneDraft($"doorway-8x8 seed {seed}", 8, 8, options.FramesPerSecond)
        {
            // A doorway's air sits anywhere from a cool corridor's 19 °C to a warm office's 22 °C; over a recording
            // of minutes it does not drift noticeably.
            Room = RoomAir.Draw(random, 64, 19.0, 22.0, 0, 0.3),
            NoiseKey = random.NextBits(),
            NoiseSigma = options.NoiseSigma,
            QuantumCelsius = options.QuantumCelsius,
            DoorLineX = DoorLineX,
        };
        draft.Note(0, "recording starts, doorway empty");

        var doorway = new DoorwayBuilder(draft, random, options.FramesPerSecond);
        var t = options.LeadInSeconds;
        if (options.Script is { } script)
        {
            foreach (var step in script)
            {
                var end = doorway.Add(step, t);
                t = end + random.Uniform(options.MinGapSeconds, options.MaxGapSeconds);
            }

            draft.Seconds = Math.Max(options.Seconds, doorway.LastEnd + 2);
        }
        else
        {
            draft.Seconds = options.Seconds;
            while (true)
            {
                var step = new DoorwayStep(Pick(random, options), random.Chance(options.InShare) ? "in" : "out");
                if (!doorway.TryAdd(step, t, options.Seconds - 1))
                {
                    break;
                }

                t = doorway.LastEnd + random.Uniform(options.MinGapSeconds, options.MaxGapSeconds);
            }
        }

        return draft.Build();
    }

    private static DoorwayPass Pick(SceneRandom random, DoorwayOptions options)
    {
        var weights = new[] { options.Walkers, options.Hooded, options.SideBySide, options.Tandem, options.TurnBacks, options.Lingerers };
        var total = weights.Sum();
        if (!(total > 0) || weights.Any(w => w < 0))
        {
            throw new ArgumentException("the doorway event weights must be >= 0 and not all 0", nameof(options));
        }

        var pick = random.NextDouble() * total;
        for (var i = 0; i < weights.Length; i++)
        {
            pick -= weights[i];
            if (pick < 0)
            {
                return (DoorwayPass)i;
            }
        }

        return DoorwayPass.Walker;
    }

    // ── 8x8 room (AMG8833) ──────────────────────────────────────────────────────────────────────────────────────

    /// <summary>
    /// An AMG8833 on the ceiling of a small meeting room, <paramref name="people"/> (0 to 4) people seated or standing
    /// at distinct places for the whole recording, moving a little. Truth: that many people in every frame.
    /// </summary>
    public static SyntheticRecording Room8x8(int seed, int people, double seconds, double framesPerSecond = 2.4, double noiseSigma = 0.3)
    {
        if (people is < 0 or > 4)
        {
            throw new ArgumentOutOfRangeException(nameof(people), people, "0 to 4 people");
        }

        Positive(seconds, nameof(seconds));
        Positive(framesPerSecond, nameof(framesPerSecond));
        var random = new SceneRandom(seed, "room-8x8");
        var draft = new SceneDraft($"room-8x8 seed {seed} people {people}", 8, 8, framesPerSecond)
        {
            // An office room at 20-22.5 °C creeping up 0.2 °C an hour as its occupants warm it.
            Room = RoomAir.Draw(random, 64, 20.0, 22.5, 0.2, 0.3),
            NoiseKey = random.NextBits(),
            NoiseSigma = noiseSigma,
            QuantumCelsius = 0.25,
            Seconds = seconds,
        };
        draft.Note(0, $"recording starts, {people} in the room");

        // From a 2.7 m ceiling a pixel of the 60° array covers about 0.4 m of floor; people sit or stand at least
        // 2.4 pixels (about a metre) apart, at least 1.2 pixels inside the edges, so a small movement never takes
        // a centre out of view.
        var places = new List<(double X, double Y)>();
        while (places.Count < people)
        {
            // Start over when the first places leave no room for the rest (a few hundred tries show that).
            places.Clear();
            for (var attempt = 0; attempt < 500 && places.Count < people; attempt++)
            {
                var p = (X: random.Uniform(1.2, 6.8), Y: random.Uniform(1.2, 6.8));
                if (places.All(q => Math.Pow(q.X - p.X, 2) + Math.Pow(q.Y - p.Y, 2) >= 2.4 * 2.4))
                {
                    places.Add(p);
                }
            }
        }

        foreach (var (x, y) in places)
        {
            if (random.Chance(0.6))
            {
                // Seated: the head and shoulders 1.4 m from the ceiling, one or two pixels at +3 to +4.5 °C.
                var shape = new PersonShape(random.Uniform(3.0, 4.5), random.Uniform(0.55, 0.7), random.Uniform(0.6, 0.8));
                var actor = new Actor(new[] { Leg.Still(0, seconds, x, y) }, shape, shape, random.NextBits(), 0.12, 25);
                draft.Add(new SyntheticPerson("seated", null, false, 0, seconds), actor);
            }
            else
            {
                // Standing: 0.4 m closer to the ceiling, so bigger and warmer (+4.5 to +6 °C with the head on top);
                // sways more and shifts weight every half minute or so by up to half a pixel.
                var shape = new PersonShape(random.Uniform(4.5, 6.0), 0.65, 0.75, 0.4, 0.45);
                var legs = new List<Leg>();
                double t = 0, px = x, py = y;
                while (t < seconds)
                {
                    var hold = Math.Min(seconds, t + 10 + random.Exponential(25));
                    legs.Add(Leg.Still(t, hold, px, py));
                    if (hold >= seconds)
                    {
                        break;
                    }

                    var (nx, ny) = (x + random.Uniform(-0.5, 0.5), y + random.Uniform(-0.5, 0.5));
                    var moveEnd = Math.Min(seconds, hold + 1.2);
                    legs.Add(new Leg(hold, moveEnd, px, py, nx, ny, 1, 1));
                    (t, px, py) = (moveEnd, nx, ny);
                }

                var actor = new Actor(legs, shape, shape, random.NextBits(), 0.2, 6);
                draft.Add(new SyntheticPerson("standing", null, false, 0, seconds), actor);
            }
        }

        return draft.Build();
    }

    private static void Positive(double value, string name)
    {
        if (!(value > 0) || !double.IsFinite(value))
        {
            throw new ArgumentOutOfRangeException(name, value, "must be a positive number");
        }
    }

    private static void NotNegative(double value, string name)
    {
        if (!(value >= 0) || !double.IsFinite(value))
        {
            throw new ArgumentOutOfRangeException(name, value, "must be zero or more");
        }
    }
}
