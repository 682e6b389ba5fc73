using System.Globalization;
using System.Text;
using FsCheck;
using FsCheck.Fluent;
using OccupancySensor.Configuration;
using OccupancySensor.Processing;
using OccupancySensor.Readings;
using OccupancySensor.Sensors;

namespace OccupancySensor.Tests.Processing;

/// <summary>
/// Properties of the whole engine over generated runs: arbitrary finite frames (anything the sensor range
/// allows, at any rate), and structured scenes (warm bodies walking random paths over a noisy room, heat
/// sources warming up) so the tracker and the door counter really work. Every run is described by a small
/// <see cref="EngineScript"/>; its frames are rendered from seeds it holds, so a failure prints a script that
/// replays exactly (see <see cref="EngineScript.Run"/>), and FsCheck shrinks it to fewer steps first.
/// </summary>
public class EnginePropertiesTests
{
    private const float SensorMinimum = -20f;
    private const float SensorMaximum = 80f;

    // PROPERTY_TEST_SCALE=N runs N times as many cases (a soak run; the default keeps the suite fast).
    private static Config Quick(int tests) =>
        Config.QuickThrowOnFailure.WithMaxTest(tests * (int.TryParse(Environment.GetEnvironmentVariable("PROPERTY_TEST_SCALE"), out int scale) && scale > 0 ? scale : 1));

    [Fact]
    public void Arbitrary_finite_frames_never_break_the_engine_or_its_counts()
    {
        Prop.ForAll(Arb.From(Scripts.Arbitrary(), Scripts.Shrink), script => { script.Run(); })
            .Check(Quick(250));
    }

    [Fact]
    public void Structured_scenes_never_break_the_engine_or_its_counts()
    {
        Prop.ForAll(Arb.From(Scripts.Structured(), Scripts.Shrink), script => { script.Run(); })
            .Check(Quick(150));
    }

    [Fact]
    public void Structured_scenes_exercise_the_tracker_and_the_door()
    {
        // Not a property of the engine but of the generator: most structured runs must produce people, tracks
        // and crossings, or the property above would pass on scenes where nothing happens.
        var scripts = Scripts.Structured().Sample(60, new Rnd(20240611UL), 60);
        var outcomes = scripts.Select(s => s.Run()).ToList();
        Assert.True(outcomes.Count(o => o.MaxTracks > 0) >= 45, "tracks in too few runs");
        Assert.True(outcomes.Count(o => o.MaxPeople > 0) >= 35, "people in too few runs");
        Assert.True(outcomes.Count(o => o.Crossings > 0) >= 12, "crossings in too few runs");
        Assert.True(outcomes.Count(o => o.MaxTracks >= 2) >= 30, "several tracks at once in too few runs");
    }

    [Fact]
    public void One_clear_person_walking_straight_across_the_door_line_counts_one_crossing_their_way()
    {
        Prop.ForAll(Scripts.SingleCrossing().ToArbitrary(), crossing =>
        {
            var outcome = crossing.Script.Run();
            var door = outcome.Engine.Door;
            var expected = crossing.Inward ? (1, 0) : (0, 1);
            Assert.True((door.In, door.Out) == expected,
                $"expected in/out {expected} got ({door.In}, {door.Out}) for {crossing}");
        }).Check(Quick(100));
    }

    [Fact]
    public void An_empty_room_never_shows_anyone_whatever_its_noise_rate_and_drift()
    {
        // A calibrated empty room with default settings: noise up to 0.5 °C, 1 to 16 frames a second, and the whole
        // scene drifting or stepping by up to 3 °C (a heating cycle, the sensor warming up, a re-initialised
        // sensor). Nobody is there, so nobody may be seen.
        Prop.ForAll(Arb.From(Scripts.EmptyRoom(), Scripts.Shrink), script =>
        {
            var outcome = script.Run();
            Assert.True(outcome.MaxPeople == 0, $"{outcome.MaxPeople} phantom people in {script}");
            Assert.DoesNotContain("PresenceChanged", outcome.Readings);
        }).Check(Quick(100));
    }

    [Fact]
    public void A_failing_script_replays_from_its_printed_form()
    {
        // The printed form is what a failure report shows; it must be enough to rebuild the run.
        foreach (var script in Scripts.Arbitrary().Sample(5).Concat(Scripts.Structured().Sample(5)))
        {
            var again = EngineScript.Parse(script.ToString());
            Assert.Equal(script.ToString(), again.ToString());
            var first = script.Run();
            var second = again.Run();
            Assert.Equal(first.Readings, second.Readings);
        }
    }

    /// <summary>Generators of scripts.</summary>
    private static class Scripts
    {
        public static Gen<EngineScript> Arbitrary() =>
            from size in Gen.Elements((8, 8), (16, 12))
            from door in Door(size.Item1, size.Item2)
            from settings in Settings()
            from zones in Zones(size.Item1, size.Item2)
            from calibration in Gen.Frequency((3, Gen.Constant(0)), (1, Gen.Choose(1, 2)), (2, Gen.Choose(3, 30)))
            from start in Gen.Choose(0, 1_000_000).Select(v => (long)v * 1000)
            from room in Gen.Choose(-20, 80)
            from noise in Gen.Frequency((1, Gen.Constant(0)), (4, Gen.Choose(1, 200)))
            from seed in Gen.Choose(0, int.MaxValue - 1)
            from steps in Step(room).ListOf().Select(l => l.ToArray())
            from frames in Gen.Choose(10, 120)
            from moreSteps in Gen.ArrayOf(Step(room), frames)
            select new EngineScript(size.Item1, size.Item2, door, settings, zones, calibration, room, start,
                steps.Concat(moreSteps).ToArray(), Array.Empty<Body>()) { Noise = noise / 100f, Seed = seed };

        public static Gen<EngineScript> Structured() =>
            from size in Gen.Elements((8, 8), (16, 12))
            from door in Gen.Frequency((1, Gen.Constant("none")), (3, Door(size.Item1, size.Item2)))
            from settings in Gen.Frequency((2, Gen.Constant(Array.Empty<(int, float)>())), (1, Settings()))
            from zones in Zones(size.Item1, size.Item2)
            from calibration in Gen.Frequency((1, Gen.Constant(0)), (3, Gen.Choose(10, 30)))
            from room in Gen.Choose(15, 30)
            from noise in Gen.Choose(2, 50)
            from period in Gen.Choose(60, 1000)
            from frames in Gen.Choose(60, 300)
            from bodies in Bodies(size.Item1, size.Item2, frames).ListOf().Select(l => l.Take(6).ToArray())
            from seed in Gen.Choose(0, int.MaxValue - 1)
            select EngineScript.Scene(size.Item1, size.Item2, door, settings, zones, calibration, room, noise / 100f,
                period, frames, bodies, seed);

        public static Gen<EngineScript> EmptyRoom() =>
            from size in Gen.Elements((8, 8), (16, 12))
            from door in Gen.Frequency((1, Gen.Constant("none")), (1, Door(size.Item1, size.Item2)))
            from room in Gen.Choose(15, 30)
            from noise in Gen.Choose(2, 50)
            from period in Gen.Choose(60, 1000)
            from frames in Gen.Choose(100, 300)
            from shift in Gen.Choose(-30, 30)
            from shiftFrom in Gen.Choose(0, frames - 1)
            from shiftFrames in Gen.Frequency((1, Gen.Constant(1)), (2, Gen.Choose(2, 300)))
            from seed in Gen.Choose(0, int.MaxValue - 1)
            select EngineScript.Scene(size.Item1, size.Item2, door, Array.Empty<(int, float)>(), new[] { (0, 0, size.Item1, size.Item2) },
                20, room, noise / 100f, period, frames, Array.Empty<Body>(), seed) with
            {
                Shift = shift / 10f,
                ShiftFrom = shiftFrom,
                ShiftFrames = shiftFrames,
            };

        public static Gen<Crossing> SingleCrossing() =>
            from size in Gen.Elements((8, 8), (16, 12))
            from alongColumns in Gen.Elements(true, false)
            from reversed in Gen.Elements(true, false)
            from forward in Gen.Elements(true, false)
            from k in Gen.Choose(3, (alongColumns ? size.Item1 : size.Item2) - 3)
            from lane in Gen.Choose(20, 80)
            from drift in Gen.Choose(-10, 10)
            from amplitude in Gen.Choose(30, 60)
            from radius in Gen.Choose(70, 110)
            from speed in Gen.Choose(10, 40)
            from noise in Gen.Choose(5, 20)
            from period in Gen.Choose(80, 120)
            from seed in Gen.Choose(0, int.MaxValue - 1)
            select Crossing.Build(size.Item1, size.Item2, alongColumns, k, reversed, forward, lane / 100f, drift / 10f,
                amplitude / 10f, radius / 100f, speed / 100f, noise / 100f, period, seed);

        public static IEnumerable<EngineScript> Shrink(EngineScript script)
        {
            var steps = script.Steps;
            if (steps.Length > 1)
            {
                yield return script with { Steps = steps.Take(steps.Length / 2).ToArray() };
                yield return script with { Steps = steps.Take(steps.Length - 1).ToArray() };
                for (int i = 0; i < Math.Min(steps.Length, 30); i++)
                {
                    if (steps[i].Kind != StepKind.Frame)
                    {
                        yield return script with { Steps = steps.Where((_, j) => j != i).ToArray() };
                    }
                }
            }

            for (int i = 0; i < script.Bodies.Length; i++)
            {
                yield return script with { Bodies = script.Bodies.Where((_, j) => j != i).ToArray() };
            }

            for (int i = 0; i < script.Settings.Length; i++)
            {
                yield return script with { Settings = script.Settings.Where((_, j) => j != i).ToArray() };
            }

            if (script.Calibration > 0)
            {
                yield return script with { Calibration = 0 };
            }

            if (script.Zones.Length > 1)
            {
                yield return script with { Zones = script.Zones.Take(1).ToArray() };
            }
        }

        private static Gen<string> Door(int width, int height) =>
            Gen.Frequency(
                (1, Gen.Constant("none")),
                (4, from along in Gen.Elements('x', 'y')
                    from k in Gen.Choose(1, (along == 'x' ? width : height) - 1)
                    from reversed in Gen.Elements("", ",in=-", ",in=+")
                    select along + "=" + k.ToString(CultureInfo.InvariantCulture) + reversed));

        private static Gen<(int, int, int, int)[]> Zones(int width, int height) =>
            (from c in Gen.Choose(0, width - 1)
             from r in Gen.Choose(0, height - 1)
             from w in Gen.Choose(1, width - c)
             from h in Gen.Choose(1, height - r)
             select (c, r, w, h)).ListOf().Select(l => l.Take(3).ToArray()).Where(a => a.Length > 0);

        /// <summary>Valid settings: each either left at its default or anywhere in its range, often at an end.</summary>
        private static Gen<(int, float)[]> Settings()
        {
            var ladder =
                from peak in Gen.Choose(200, 2000)
                from hold in Gen.Choose(150, peak)
                from detect in Gen.Choose(150, Math.Min(1000, hold))
                from learn in Gen.Choose(50, Math.Min(500, detect))
                select new[]
                {
                    (EngineSettings.PeakSigmaId, peak / 100f), (EngineSettings.HoldSigmaId, hold / 100f),
                    (EngineSettings.DetectSigmaId, detect / 100f), (EngineSettings.LearnSigmaId, learn / 100f),
                };
            var ladderIds = new[] { EngineSettings.PeakSigmaId, EngineSettings.HoldSigmaId, EngineSettings.DetectSigmaId, EngineSettings.LearnSigmaId };
            var others = Enumerable.Range(0, EngineSettings.Count).Where(id => !ladderIds.Contains(id))
                .Select(id => Gen.Frequency(
                    (4, Gen.Constant((-1, 0f))),
                    (1, Gen.Elements((id, SettingRange.Of(id).Minimum), (id, SettingRange.Of(id).Maximum))),
                    (2, Gen.Choose(0, 1000).Select(u => (id, SettingRange.Of(id).At(MathF.Pow(u / 1000f, 3))))),
                    (1, Gen.Choose(0, 1000).Select(u => (id, SettingRange.Of(id).At(u / 1000f))))));
            return from useLadder in Gen.Elements(true, false)
                   from l in ladder
                   from o in Gen.CollectToArray(others)
                   select (useLadder ? l : Array.Empty<(int, float)>()).Concat(o.Where(s => s.Item1 >= 0)).ToArray();
        }

        private static Gen<Step> Step(int room) =>
            Gen.Frequency(
                (12, from gap in Gap()
                     from mode in Gen.Frequency((6, Gen.Constant(FrameMode.Room)), (1, Gen.Constant(FrameMode.Uniform)),
                         (1, Gen.Constant(FrameMode.Constant)), (1, Gen.Constant(FrameMode.Extremes)), (2, Gen.Constant(FrameMode.Spikes)))
                     from seed in Gen.Choose(0, int.MaxValue - 1)
                     select new Step(StepKind.Frame, gap, mode, seed, 0)),
                (2, Gen.Choose(0, 5000).Select(offset => new Step(StepKind.Motion, offset, FrameMode.Room, 0, 0))),
                (2, Gen.Choose(0, 20000).Select(offset => new Step(StepKind.Evaluate, offset, FrameMode.Room, 0, 0))),
                (1, Gen.Constant(new Step(StepKind.Report, 0, FrameMode.Room, 0, 0))),
                (1, Gen.Frequency((1, Gen.Constant(float.NaN)), (3, Gen.Choose(-20, 50).Select(v => (float)v)))
                    .Select(v => new Step(StepKind.Ambient, 0, FrameMode.Room, 0, v))));

        private static Gen<int> Gap() =>
            Gen.Frequency((8, Gen.Choose(60, 150)), (2, Gen.Choose(1, 10)), (2, Gen.Choose(150, 1500)), (1, Gen.Choose(1500, 10000)));

        private static Gen<Body> Bodies(int width, int height, int frames) =>
            Gen.Frequency((1, Wanderers(width, height, frames)), (1, Walkers(width, height, frames)));

        // Anything: a still or sliding warm spot, a heat source warming up, a body partly outside the view.
        private static Gen<Body> Wanderers(int width, int height, int frames) =>
            from amplitude in Gen.Choose(10, 80)
            from radius in Gen.Choose(50, 180)
            from x0 in Gen.Choose(-20, (width + 1) * 10)
            from y0 in Gen.Choose(-20, (height + 1) * 10)
            from x1 in Gen.Choose(-20, (width + 1) * 10)
            from y1 in Gen.Choose(-20, (height + 1) * 10)
            from from_ in Gen.Choose(0, frames - 1)
            from length in Gen.Choose(1, frames)
            from ramp in Gen.Frequency((4, Gen.Constant(0)), (1, Gen.Choose(1, frames)))
            select new Body(amplitude / 10f, radius / 100f, x0 / 10f, y0 / 10f, x1 / 10f, y1 / 10f, from_, length, ramp);

        // People walking through: from outside one edge to outside the opposite one, at 0.1 to 1 pixel a frame.
        private static Gen<Body> Walkers(int width, int height, int frames) =>
            from amplitude in Gen.Choose(15, 60)
            from radius in Gen.Choose(60, 130)
            from horizontal in Gen.Elements(true, false)
            from forward in Gen.Elements(true, false)
            from lane0 in Gen.Choose(0, 100)
            from lane1 in Gen.Choose(0, 100)
            from speed in Gen.Choose(10, 100)
            from from_ in Gen.Choose(0, frames - 1)
            let across = horizontal ? width : height
            let along = horizontal ? height : width
            let a0 = forward ? -2f : across + 1f
            let a1 = forward ? across + 1f : -2f
            let l0 = lane0 / 100f * (along - 1)
            let l1 = lane1 / 100f * (along - 1)
            let length = Math.Max(2, (int)((across + 3) / (speed / 100f)))
            select horizontal
                ? new Body(amplitude / 10f, radius / 100f, a0, l0, a1, l1, from_, length, 0)
                : new Body(amplitude / 10f, radius / 100f, l0, a0, l1, a1, from_, length, 0);
    }

    internal enum StepKind
    {
        Frame,
        Motion,
        Evaluate,
        Report,
        Ambient,
    }

    internal enum FrameMode
    {
        Room,
        Uniform,
        Constant,
        Extremes,
        Spikes,
    }

    /// <summary>
    /// One step of a script: a frame <c>A</c> ms after the last one (drawn in mode M from seed S), a PIR edge or a
    /// loop pass <c>A</c> ms after the last frame, a report, or an ambient reading <c>V</c>.
    /// </summary>
    internal readonly record struct Step(StepKind Kind, int A, FrameMode Mode, int Seed, float V)
    {
        public override string ToString() => Kind switch
        {
            StepKind.Frame => $"F{A}:{(int)Mode}:{Seed}",
            StepKind.Motion => $"M{A}",
            StepKind.Evaluate => $"E{A}",
            StepKind.Report => "R",
            _ => "A" + V.ToString("R", CultureInfo.InvariantCulture),
        };

        public static Step Parse(string text)
        {
            int Int(string s) => int.Parse(s, CultureInfo.InvariantCulture);
            switch (text[0])
            {
                case 'F':
                    var parts = text.Substring(1).Split(':');
                    return new Step(StepKind.Frame, Int(parts[0]), (FrameMode)Int(parts[1]), Int(parts[2]), 0);
                case 'M':
                    return new Step(StepKind.Motion, Int(text.Substring(1)), FrameMode.Room, 0, 0);
                case 'E':
                    return new Step(StepKind.Evaluate, Int(text.Substring(1)), FrameMode.Room, 0, 0);
                case 'R':
                    return new Step(StepKind.Report, 0, FrameMode.Room, 0, 0);
                default:
                    return new Step(StepKind.Ambient, 0, FrameMode.Room, 0, float.Parse(text.Substring(1), CultureInfo.InvariantCulture));
            }
        }
    }

    /// <summary>A warm body: a Gaussian moving from (X0, Y0) to (X1, Y1) over its frames; Ramp > 0 warms it up slowly.</summary>
    internal readonly record struct Body(float Amplitude, float Radius, float X0, float Y0, float X1, float Y1, int From, int Length, int Ramp)
    {
        public override string ToString() => string.Join(":", new[] { Amplitude, Radius, X0, Y0, X1, Y1 }
            .Select(v => v.ToString("R", CultureInfo.InvariantCulture)).Concat(new[] { From, Length, Ramp }.Select(v => v.ToString(CultureInfo.InvariantCulture))));

        public static Body Parse(string text)
        {
            var p = text.Split(':');
            float F(int i) => float.Parse(p[i], CultureInfo.InvariantCulture);
            int I(int i) => int.Parse(p[i], CultureInfo.InvariantCulture);
            return new Body(F(0), F(1), F(2), F(3), F(4), F(5), I(6), I(7), I(8));
        }

        /// <summary>Where the body is at frame <paramref name="frame"/>, and how warm; false when not in the scene.</summary>
        public bool At(int frame, out float x, out float y, out float amplitude)
        {
            x = y = amplitude = 0;
            if (frame < From || frame >= From + Length)
            {
                return false;
            }

            float f = Length <= 1 ? 1 : (frame - From) / (float)(Length - 1);
            x = X0 + ((X1 - X0) * f);
            y = Y0 + ((Y1 - Y0) * f);
            amplitude = Ramp > 0 ? Amplitude * Math.Min(1f, (frame - From + 1) / (float)Ramp) : Amplitude;
            return true;
        }
    }

    /// <summary>A single clean door crossing with what it must count.</summary>
    internal sealed record Crossing(EngineScript Script, bool Inward, string Description)
    {
        public override string ToString() => Description + " | " + Script;

        public static Crossing Build(int width, int height, bool alongColumns, int k, bool reversed, bool forward,
            float lane, float drift, float amplitude, float radius, float speed, float noise, int period, int seed)
        {
            // Across the line from well outside the view to well outside on the other side, at a lane inside the
            // view; "forward" is towards increasing column (row), which is "in" unless the line is reversed.
            int across = alongColumns ? width : height;
            int along = alongColumns ? height : width;
            float start = forward ? -2.5f : across + 1.5f;
            float end = forward ? across + 1.5f : -2.5f;
            float laneAt = 1 + (lane * (along - 3));
            float laneEnd = Math.Clamp(laneAt + drift, 1, along - 2);
            int frames = (int)MathF.Ceiling(MathF.Abs(end - start) / speed);
            var body = alongColumns
                ? new Body(amplitude, radius, start, laneAt, end, laneEnd, 0, frames, 0)
                : new Body(amplitude, radius, laneAt, start, laneEnd, end, 0, frames, 0);
            string door = (alongColumns ? "x=" : "y=") + k.ToString(CultureInfo.InvariantCulture) + (reversed ? ",in=-" : "");
            var script = EngineScript.Scene(width, height, door, Array.Empty<(int, float)>(), new[] { (0, 0, width, height) },
                20, 21, noise, period, frames + 30, new[] { body with { From = 10 } }, seed);
            return new Crossing(script, forward != reversed, $"{width}x{height} {door} {(forward ? "forward" : "backward")}");
        }
    }

    /// <summary>What a run ended with.</summary>
    internal sealed record Outcome(DetectionEngine Engine, int MaxTracks, int MaxPeople, int Crossings, string Readings);

    /// <summary>
    /// A replayable run of the engine: size, door line, settings, zones, calibration, and the steps. Frames of
    /// structured scenes come from the bodies; the Room of a step-frame script is the scene's level in °C.
    /// </summary>
    internal sealed record EngineScript(int Width, int Height, string Door, (int Id, float Value)[] Settings,
        (int Column, int Row, int Width, int Height)[] Zones, int Calibration, int Room, long Start, Step[] Steps, Body[] Bodies)
    {
        public float Noise { get; init; } = 0.2f;

        /// <summary>The whole scene shifts by this many °C, evenly over <see cref="ShiftFrames"/> frames from frame <see cref="ShiftFrom"/> (1 frame: a step).</summary>
        public float Shift { get; init; }

        public int ShiftFrom { get; init; }

        public int ShiftFrames { get; init; } = 1;

        public int Seed { get; init; }

        public static EngineScript Scene(int width, int height, string door, (int, float)[] settings,
            (int, int, int, int)[] zones, int calibration, int room, float noise, int period, int frames, Body[] bodies, int seed)
        {
            // Frames at the period with a little jitter; PIR edges now and then while a body is in view.
            var random = new Random(seed);
            var steps = new List<Step>();
            for (int f = 0; f < frames; f++)
            {
                steps.Add(new Step(StepKind.Frame, Math.Max(1, period + random.Next(-period / 10, (period / 10) + 1)), FrameMode.Room, random.Next(), 0));
                if (random.Next(20) == 0 && bodies.Any(b => b.At(f, out _, out _, out _)))
                {
                    steps.Add(new Step(StepKind.Motion, random.Next(0, period), FrameMode.Room, 0, 0));
                }

                if (random.Next(10) == 0)
                {
                    steps.Add(new Step(StepKind.Evaluate, random.Next(0, period), FrameMode.Room, 0, 0));
                }

                if (random.Next(50) == 0)
                {
                    steps.Add(new Step(StepKind.Report, 0, FrameMode.Room, 0, 0));
                }
            }

            return new EngineScript(width, height, door, settings, zones, calibration, room, 1000, steps.ToArray(), bodies)
            {
                Noise = noise,
                Seed = seed,
            };
        }

        public override string ToString()
        {
            var text = new StringBuilder();
            text.Append(CultureInfo.InvariantCulture, $"{Width}x{Height} door={Door} room={Room} noise={Noise.ToString("R", CultureInfo.InvariantCulture)} seed={Seed} start={Start} cal={Calibration} shift={Shift.ToString("R", CultureInfo.InvariantCulture)}:{ShiftFrom}:{ShiftFrames}");
            text.Append(" set=").Append(string.Join(",", Settings.Select(s => EngineSettings.NameOf(s.Id) + "=" + s.Value.ToString("R", CultureInfo.InvariantCulture))));
            text.Append(" zones=").Append(string.Join(",", Zones.Select(z => $"{z.Column}:{z.Row}:{z.Width}:{z.Height}")));
            text.Append(" bodies=").Append(string.Join(",", Bodies.Select(b => b.ToString())));
            text.Append(" steps=").Append(string.Join(",", Steps.Select(s => s.ToString())));
            return text.ToString();
        }

        public static EngineScript Parse(string text)
        {
            var fields = text.Split(' ').Select(f => f.Split('=', 2)).Where(f => f.Length == 2).ToDictionary(f => f[0], f => f[1]);
            var size = text.Substring(0, text.IndexOf(' ')).Split('x');
            string door = text.Substring(text.IndexOf("door=", StringComparison.Ordinal) + 5).Split(' ')[0];
            IEnumerable<string> List(string key) => fields[key].Length == 0 ? Array.Empty<string>() : fields[key].Split(',');
            var settings = List("set").Select(s => s.Split('=')).Select(s => (EngineSettings.Find(s[0]), float.Parse(s[1], CultureInfo.InvariantCulture))).ToArray();
            var zones = List("zones").Select(z => z.Split(':').Select(int.Parse).ToArray()).Select(z => (z[0], z[1], z[2], z[3])).ToArray();
            return new EngineScript(int.Parse(size[0], CultureInfo.InvariantCulture), int.Parse(size[1], CultureInfo.InvariantCulture),
                door, settings, zones, int.Parse(fields["cal"], CultureInfo.InvariantCulture), int.Parse(fields["room"], CultureInfo.InvariantCulture),
                long.Parse(fields["start"], CultureInfo.InvariantCulture), List("steps").Select(Step.Parse).ToArray(), List("bodies").Select(Body.Parse).ToArray())
            {
                Noise = float.Parse(fields["noise"], CultureInfo.InvariantCulture),
                Shift = float.Parse(fields["shift"].Split(':')[0], CultureInfo.InvariantCulture),
                ShiftFrom = int.Parse(fields["shift"].Split(':')[1], CultureInfo.InvariantCulture),
                ShiftFrames = int.Parse(fields["shift"].Split(':')[2], CultureInfo.InvariantCulture),
                Seed = int.Parse(fields["seed"], CultureInfo.InvariantCulture),
            };
        }

        /// <summary>Runs the script, checking every invariant after every step; throws on the first broken one.</summary>
        public Outcome Run()
        {
            var settings = new EngineSettings();
            foreach (var (id, value) in Settings)
            {
                Assert.Null(settings.TrySet(id, value));
            }

            Assert.Null(settings.Validate());
            var line = DoorLine.Parse(Door, Width, Height, out var error);
            Assert.True(line != null, error);
            var zones = Zones.Select((z, i) => new ZoneConfiguration("z" + i, z.Column, z.Row, z.Width, z.Height)).ToArray();
            var engine = new DetectionEngine(Width, Height, zones, line!, settings);
            var checker = new InvariantChecker(engine, Width, Height, zones.Length, line!.IsSet, settings);
            var frame = new ThermalFrame(Width, Height);
            var pattern = new float[Width * Height];
            var scene = new Random(Seed);
            for (int i = 0; i < pattern.Length; i++)
            {
                pattern[i] = (float)((scene.NextDouble() * 2) - 1) * 0.5f;
            }

            long now = Start;
            for (int c = 0; c < Calibration; c++)
            {
                now += 100;
                RenderRoom(frame, new Random(unchecked(Seed + c)), pattern, -1);
                frame.TimestampMilliseconds = now;
                engine.Calibrate(frame);
                checker.Check("calibration " + c, now);
            }

            int frameIndex = 0;
            long lastFrame = now;
            for (int s = 0; s < Steps.Length; s++)
            {
                var step = Steps[s];
                long at = lastFrame;
                switch (step.Kind)
                {
                    case StepKind.Frame:
                        at = lastFrame = now = lastFrame + step.A;
                        Render(frame, step, pattern, frameIndex++);
                        frame.TimestampMilliseconds = at;
                        checker.Expect(at);
                        engine.AcceptFrame(frame, checker);
                        break;
                    case StepKind.Motion:
                        at = Math.Max(now, lastFrame + step.A);
                        checker.Expect(at);
                        engine.AcceptMotion(at, checker);
                        break;
                    case StepKind.Evaluate:
                        at = Math.Max(now, lastFrame + step.A);
                        checker.Expect(at);
                        engine.Evaluate(at, checker);
                        break;
                    case StepKind.Report:
                        at = now;
                        checker.Expect(at);
                        engine.Report(at, checker);
                        break;
                    case StepKind.Ambient:
                        engine.AcceptAmbient(step.V);
                        break;
                }

                now = at;
                checker.Check("step " + s + " " + step, at);
            }

            return new Outcome(engine, checker.MaxTracks, checker.MaxPeople, checker.Crossings, checker.Log.ToString());
        }

        private void Render(ThermalFrame frame, Step step, float[] pattern, int frameIndex)
        {
            var random = new Random(step.Seed);
            var pixels = frame.Pixels;
            switch (step.Mode)
            {
                case FrameMode.Uniform:
                    for (int i = 0; i < pixels.Length; i++)
                    {
                        pixels[i] = SensorMinimum + (float)(random.NextDouble() * (SensorMaximum - SensorMinimum));
                    }

                    return;
                case FrameMode.Constant:
                    Array.Fill(pixels, random.Next(2) == 0 ? (random.Next(2) == 0 ? SensorMinimum : SensorMaximum) : SensorMinimum + (float)(random.NextDouble() * 100));
                    return;
                case FrameMode.Extremes:
                    for (int i = 0; i < pixels.Length; i++)
                    {
                        pixels[i] = random.Next(2) == 0 ? SensorMinimum : SensorMaximum;
                    }

                    return;
                default:
                    RenderRoom(frame, random, pattern, frameIndex);
                    if (step.Mode == FrameMode.Spikes)
                    {
                        for (int n = random.Next(1, 6); n > 0; n--)
                        {
                            pixels[random.Next(pixels.Length)] = random.Next(2) == 0 ? SensorMinimum : SensorMaximum;
                        }
                    }

                    return;
            }
        }

        private float ShiftAt(int frameIndex) =>
            frameIndex < ShiftFrom ? 0 : Shift * Math.Min(1f, (frameIndex - ShiftFrom + 1) / (float)Math.Max(1, ShiftFrames));

        private void RenderRoom(ThermalFrame frame, Random random, float[] pattern, int frameIndex)
        {
            for (int row = 0; row < Height; row++)
            {
                for (int column = 0; column < Width; column++)
                {
                    int i = (row * Width) + column;
                    double u1 = 1.0 - random.NextDouble();
                    double u2 = random.NextDouble();
                    float gaussian = (float)(Math.Sqrt(-2.0 * Math.Log(u1)) * Math.Cos(2.0 * Math.PI * u2));
                    float value = Room + pattern[i] + (Noise * gaussian) + ShiftAt(frameIndex);
                    if (frameIndex >= 0)
                    {
                        foreach (var body in Bodies)
                        {
                            if (body.At(frameIndex, out float x, out float y, out float amplitude))
                            {
                                float dx = column - x;
                                float dy = row - y;
                                value += amplitude * MathF.Exp(-((dx * dx) + (dy * dy)) / (2 * body.Radius * body.Radius));
                            }
                        }
                    }

                    frame.Pixels[i] = Math.Clamp(value, SensorMinimum, SensorMaximum);
                }
            }
        }
    }

    /// <summary>The sink the engine reports to, and the invariants checked after every step.</summary>
    private sealed class InvariantChecker : IReadingSink
    {
        private readonly DetectionEngine _engine;
        private readonly int _width;
        private readonly int _height;
        private readonly int _zones;
        private readonly bool _door;
        private readonly EngineSettings _settings;
        private readonly bool[] _reportedOccupied;
        private readonly bool[] _reportedAlert;
        private int _lastIn;
        private int _lastOut;
        private long _expected;

        public InvariantChecker(DetectionEngine engine, int width, int height, int zones, bool door, EngineSettings settings)
        {
            _engine = engine;
            _width = width;
            _height = height;
            _zones = zones;
            _door = door;
            _settings = settings;
            _reportedOccupied = new bool[zones];
            _reportedAlert = new bool[zones + 1];
        }

        public StringBuilder Log { get; } = new();

        public int MaxTracks { get; private set; }

        public int MaxPeople { get; private set; }

        public int Crossings => _lastIn + _lastOut;

        public void Expect(long now) => _expected = now;

        public void Accept(Reading reading)
        {
            Log.Append(reading.Kind).Append(' ').Append(reading.Zone).Append(' ').Append(reading.ValueA).Append(' ').Append(reading.ValueB).Append(';');
            Assert.Equal(_expected, reading.TimestampMilliseconds);
            Assert.Equal(0L, reading.Sequence);
            switch (reading.Kind)
            {
                case ReadingKind.PresenceChanged:
                    Assert.InRange(reading.Zone, 0, _zones - 1);
                    Assert.InRange(reading.ValueA, 0, 1);
                    Assert.True(_reportedOccupied[reading.Zone] != (reading.ValueA == 1), "presence reported twice the same way");
                    _reportedOccupied[reading.Zone] = reading.ValueA == 1;
                    break;
                case ReadingKind.PeriodicCount:
                    Assert.InRange(reading.Zone, -1, _zones - 1);
                    Assert.True(reading.ValueA >= 0, "negative count reported");
                    if (reading.Zone == -1)
                    {
                        Assert.True(_door, "area count without a door line");
                        Assert.Equal(_engine.Door.People, reading.ValueA);
                    }

                    break;
                case ReadingKind.InOutTotals:
                    Assert.Equal(-1, reading.Zone);
                    Assert.True(_door, "in/out totals without a door line");
                    Assert.Equal(_engine.Door.In, reading.ValueA);
                    Assert.Equal(_engine.Door.Out, reading.ValueB);
                    break;
                case ReadingKind.Alert:
                    Assert.InRange(reading.Zone, -1, _zones - 1);
                    Assert.InRange(reading.ValueA, 0, 1);
                    int channel = reading.Zone < 0 ? _zones : reading.Zone;
                    Assert.True(_reportedAlert[channel] != (reading.ValueA == 1), "alert reported twice the same way");
                    _reportedAlert[channel] = reading.ValueA == 1;
                    Assert.True(reading.ValueB >= 0);
                    break;
                default:
                    Assert.Fail("the engine emitted a " + reading.Kind + " reading");
                    break;
            }
        }

        public void Check(string where, long now)
        {
            try
            {
                CheckState();
            }
            catch (Exception e)
            {
                throw new InvalidOperationException($"invariant broken after {where} at {now} ms: {e.Message}", e);
            }
        }

        private void CheckState()
        {
            var door = _engine.Door;
            Assert.True(door.People >= 0, "door people negative");
            Assert.True(_engine.PeopleCount >= 0, "people count negative");
            Assert.True(door.In >= _lastIn && door.Out >= _lastOut, "in/out totals went down");
            Assert.True(door.ClampedOuts >= 0 && door.Zeroed >= 0);
            Assert.Equal(door.In - door.Out, door.People + door.Zeroed - door.ClampedOuts);
            if (!_door)
            {
                Assert.Equal(0, door.In + door.Out);
                Assert.InRange(_engine.PeopleCount, 0, PeopleTracker.MaxTracks);
            }

            _lastIn = door.In;
            _lastOut = door.Out;
            var tracker = _engine.Tracker;
            Assert.InRange(tracker.People, 0, PeopleTracker.MaxTracks);
            Assert.Equal(tracker.People, _engine.Presence.ViewPeople);
            if (_engine.Presence.ViewPeople > 0)
            {
                Assert.True(_engine.ViewOccupied, "people in view but the view is not occupied");
            }

            for (int z = 0; z < _zones; z++)
            {
                Assert.InRange(_engine.Presence.PeopleIn(z), 0, _engine.Presence.ViewPeople);
                Assert.Equal(_reportedOccupied[z], _engine.Presence.IsOccupied(z));
                if (_engine.Presence.PeopleIn(z) > 0)
                {
                    Assert.True(_engine.Presence.IsOccupied(z), "people in a zone that is not occupied");
                }
            }

            for (int c = 0; c <= _zones; c++)
            {
                Assert.Equal(_reportedAlert[c], _engine.Alerts.IsRaised(c));
            }

            int live = 0;
            for (int t = 0; t < PeopleTracker.MaxTracks; t++)
            {
                if (!tracker.IsLive(t))
                {
                    continue;
                }

                live++;
                Assert.True(float.IsFinite(tracker.ColumnOf(t)) && float.IsFinite(tracker.RowOf(t)), "track position not finite");
                Assert.InRange(tracker.ColumnOf(t), -0.001f, _width - 1 + 0.001f);
                Assert.InRange(tracker.RowOf(t), -0.001f, _height - 1 + 0.001f);
            }

            MaxTracks = Math.Max(MaxTracks, live);
            MaxPeople = Math.Max(MaxPeople, tracker.People);
            var blobs = _engine.Blobs;
            Assert.InRange(blobs.Count, 0, BlobFinder.MaxBlobs);
            for (int b = 0; b < blobs.Count; b++)
            {
                Assert.True(blobs.MassOf(b) > 0 && float.IsFinite(blobs.MassOf(b)), "blob mass");
                Assert.InRange(blobs.ColumnOf(b), -0.001f, _width - 1 + 0.001f);
                Assert.InRange(blobs.RowOf(b), -0.001f, _height - 1 + 0.001f);
                Assert.True(blobs.SizeOf(b) > 0);
            }

            var background = _engine.Background;
            Assert.True(float.IsFinite(background.Sigma) && background.Sigma > 0, "sigma " + background.Sigma);
            Assert.True(float.IsFinite(background.Offset), "offset " + background.Offset);
            if (background.IsReady)
            {
                Assert.True(background.Sigma >= _settings.Get(EngineSettings.NoiseFloorId) * 0.999f, "sigma under the floor");
            }

            Assert.All(background.Excess, e => Assert.True(float.IsFinite(e), "excess not finite"));
        }
    }
}

/// <summary>The range of a setting as its refusal states it ("NAME must be MIN to MAX (got ...)").</summary>
internal readonly record struct SettingRange(float Minimum, float Maximum)
{
    public static SettingRange Of(int id)
    {
        var error = new EngineSettings().TrySet(id, float.NegativeInfinity)!;
        string prefix = EngineSettings.NameOf(id) + " must be ";
        var range = error.Substring(prefix.Length, error.IndexOf(" (got ", StringComparison.Ordinal) - prefix.Length).Split(" to ");
        return new SettingRange(float.Parse(range[0], CultureInfo.InvariantCulture), float.Parse(range[1], CultureInfo.InvariantCulture));
    }

    /// <summary>The value a fraction <paramref name="share"/> of the way from the minimum to the maximum.</summary>
    public float At(float share) => Math.Clamp(Minimum + ((Maximum - Minimum) * share), Minimum, Maximum);
}
