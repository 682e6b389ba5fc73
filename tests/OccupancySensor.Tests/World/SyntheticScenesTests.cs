using System.Globalization;
using OccupancySensor.HostSim.Replay;
using OccupancySensor.HostSim.World.Synthetic;

namespace OccupancySensor.Tests.World;

/// <summary>
/// Checks the synthetic recordings themselves: that they are what they claim (noise, quantisation, shapes, timings)
/// and that their ground truth agrees with the script and with what the pixels show.
/// </summary>
public class SyntheticScenesTests
{
    // A short desk recording: 5 empty minutes, walk-in, 3 minutes seated, walk-out, 1 more minute; 2 fps.
    private static SyntheticRecording ShortDesk(int seed, bool fidget = true) =>
        SyntheticScenes.StillWorker16x12(seed, hours: 0.05, framesPerSecond: 2, fidget: fidget, leaveThenMinutes: 1);

    private static double At(SyntheticRecording recording, string what) => recording.Timeline.Single(e => e.What == what).Seconds;

    /// <summary>What the people add to a frame: the noise-free frame minus the same frame without them.</summary>
    private static float[] PeopleOnly(SyntheticRecording recording, int frame)
    {
        var withPeople = new float[recording.Width * recording.Height];
        var without = new float[withPeople.Length];
        recording.RenderExpected(frame, withPeople);
        recording.RenderExpected(frame, without, includePeople: false);
        return withPeople.Select((v, i) => v - without[i]).ToArray();
    }

    [Fact]
    public void A_seed_always_gives_the_same_frames_in_any_order_and_another_seed_other_frames()
    {
        var first = ShortDesk(7);
        var again = ShortDesk(7);
        var other = ShortDesk(8);
        Assert.Equal(first.FrameCount, again.FrameCount);
        var a = new float[192];
        var b = new float[192];
        var c = new float[192];
        var differing = 0;
        for (var frame = 0; frame < first.FrameCount; frame++)
        {
            // Rendered backwards, and twice, the other copy must still give exactly the same pixels.
            var backwards = first.FrameCount - 1 - frame;
            first.Render(backwards, a);
            again.Render(backwards, b);
            again.Render(backwards, b);
            Assert.Equal(a, b);
            other.Render(backwards, c);
            differing += a.SequenceEqual(c) ? 0 : 1;
        }

        Assert.Equal(first.FrameCount, differing);

        var door = SyntheticScenes.Doorway8x8(3, DoorwayOptions.Mixed);
        var doorAgain = SyntheticScenes.Doorway8x8(3, DoorwayOptions.Mixed);
        Assert.Equal(door.Crossings, doorAgain.Crossings);
        Assert.NotEqual(door.Crossings, SyntheticScenes.Doorway8x8(4, DoorwayOptions.Mixed).Crossings);
    }

    private static (double Sigma, double[] Means) TemporalNoise(SyntheticRecording recording, int frames)
    {
        // Pooled per-pixel standard deviation over time: the fixed offsets cancel out, the slow drift is negligible.
        var pixels = recording.Width * recording.Height;
        var samples = new double[pixels, frames];
        var frame = new float[pixels];
        for (var f = 0; f < frames; f++)
        {
            recording.Render(f, frame);
            for (var i = 0; i < pixels; i++)
            {
                samples[i, f] = frame[i];
            }
        }

        var means = new double[pixels];
        var squares = 0.0;
        for (var i = 0; i < pixels; i++)
        {
            for (var f = 0; f < frames; f++)
            {
                means[i] += samples[i, f] / frames;
            }

            for (var f = 0; f < frames; f++)
            {
                squares += Math.Pow(samples[i, f] - means[i], 2);
            }
        }

        return (Math.Sqrt(squares / (pixels * (frames - 1))), means);
    }

    [Fact]
    public void Noise_measured_on_empty_frames_is_the_configured_sigma_over_fixed_offsets_of_at_most_0_3()
    {
        // 16x12: the first 280 s at 4 fps have nobody in view (the walk-in starts at 300 s); 215,040 samples.
        var desk = SyntheticScenes.StillWorker16x12(3, hours: 0.01);
        Assert.DoesNotContain(Enumerable.Range(0, 1120), desk.TruthOccupied);
        Assert.InRange(TemporalNoise(desk, 1120).Sigma, SyntheticScenes.MlxNoiseSigma * 0.98, SyntheticScenes.MlxNoiseSigma * 1.02);

        // In the same room with the monitors still cold, the per-pixel means spread by the fixed offsets alone
        // (uniform ±0.3 °C: a range just under 0.6, SD 0.17), plus 0.01 °C of noise left in each mean.
        var cold = SyntheticScenes.MonitorsOnly16x12(3, hours: 0.1, monitorsOnAtMinutes: 60);
        var (sigma, means) = TemporalNoise(cold, 1440);
        Assert.InRange(sigma, SyntheticScenes.MlxNoiseSigma * 0.98, SyntheticScenes.MlxNoiseSigma * 1.02);
        var centre = means.Average();
        Assert.InRange(means.Max() - means.Min(), 0.5, 0.6 + 0.04);
        Assert.InRange(Math.Sqrt(means.Average(m => (m - centre) * (m - centre))), 0.14, 0.21);

        // 8x8 AMG8833: 0.3 °C before the 0.25 °C step, which adds step²/12 to the variance.
        var door = SyntheticScenes.Doorway8x8(3, new DoorwayOptions { Seconds = 60, Script = Array.Empty<DoorwayStep>() });
        Assert.Equal(600, door.FrameCount);
        Assert.InRange(TemporalNoise(door, 600).Sigma, 0.3084 * 0.96, 0.3084 * 1.04);
    }

    [Fact]
    public void Amg8833_scenes_are_quantised_to_quarter_degrees_and_the_16x12_scenes_are_not()
    {
        var frame = new float[64];
        foreach (var recording in new[] { SyntheticScenes.Doorway8x8(5, DoorwayOptions.Mixed with { Seconds = 60 }), SyntheticScenes.Room8x8(5, 3, 60) })
        {
            for (var f = 0; f < recording.FrameCount; f += 3)
            {
                recording.Render(f, frame);
                Assert.All(frame, v => Assert.Equal(0, (v * 4) % 1));
            }
        }

        var fine = new float[192];
        SyntheticScenes.StillWorker16x12(5, 0.01).Render(10, fine);
        Assert.True(fine.Count(v => (v * 100) % 1 != 0) > 150);
    }

    [Fact]
    public void Doorway_truth_counts_every_crossing_but_no_turn_back()
    {
        // Every kind of event twice each way, in the order of the enum: per direction 2 walkers, 2 hoods, 2 pairs
        // side by side, 2 pairs in tandem, 2 turn-backs and 2 lingerers, so 14 crossings each way.
        var script = Enum.GetValues<DoorwayPass>()
            .SelectMany(pass => new[] { "in", "out", "out", "in" }.Select(direction => new DoorwayStep(pass, direction)))
            .ToArray();
        var recording = SyntheticScenes.Doorway8x8(11, new DoorwayOptions { Script = script, MinGapSeconds = 1, MaxGapSeconds = 3 });

        int Expected(string direction) => script
            .Where(s => s.Direction == direction && s.Pass != DoorwayPass.TurnBack)
            .Sum(s => s.Pass is DoorwayPass.SideBySide or DoorwayPass.Tandem ? 2 : 1);

        var last = recording.FrameCount - 1;
        Assert.Equal(Expected("in"), recording.TruthIn(last));
        Assert.Equal(Expected("out"), recording.TruthOut(last));
        Assert.Equal(14, Expected("in"));
        Assert.Equal(recording.People.Count(p => p.Crosses && p.Direction == "in"), recording.TruthIn(last));
        Assert.Equal(recording.People.Count(p => p.Crosses && p.Direction == "out"), recording.TruthOut(last));

        // The cumulative counts step exactly at the crossings' frames, and at each crossing someone warm is in view
        // at the door line (columns 2-5; the partner of a pair may be elsewhere and warmer).
        for (var frame = 0; frame < recording.FrameCount; frame++)
        {
            Assert.Equal(recording.Crossings.Count(c => c.Direction == "in" && c.Frame <= frame), recording.TruthIn(frame));
            Assert.Equal(recording.Crossings.Count(c => c.Direction == "out" && c.Frame <= frame), recording.TruthOut(frame));
        }

        foreach (var (frame, _) in recording.Crossings)
        {
            Assert.True(recording.TruthOccupied(frame));
            var atTheLine = PeopleOnly(recording, frame).Where((_, i) => i % 8 is >= 2 and <= 5).Max();
            Assert.True(atTheLine >= 1.5, $"frame {frame}: only +{atTheLine:F2} °C at the door line");
        }

        Assert.Equal(0, recording.TruthIn(0) + recording.TruthOut(0));
    }

    [Fact]
    public void Doorway_walkers_cross_in_5_to_15_frames_as_blobs_of_the_stated_contrast()
    {
        var script = Enumerable.Range(0, 40).Select(i => new DoorwayStep(i % 4 == 3 ? DoorwayPass.Hooded : DoorwayPass.Walker, i % 2 == 0 ? "in" : "out")).ToArray();
        var recording = SyntheticScenes.Doorway8x8(21, new DoorwayOptions { Script = script, MinGapSeconds = 1, MaxGapSeconds = 2 });
        Assert.Equal(40, recording.Crossings.Count);

        // One walker at a time, so each run of occupied frames is one crossing of the view.
        var runs = new List<(int First, int Length)>();
        for (var frame = 0; frame < recording.FrameCount; frame++)
        {
            if (recording.TruthOccupied(frame))
            {
                if (frame == 0 || !recording.TruthOccupied(frame - 1))
                {
                    runs.Add((frame, 0));
                }

                runs[^1] = (runs[^1].First, runs[^1].Length + 1);
            }
        }

        Assert.Equal(40, runs.Count);
        Assert.All(runs, run => Assert.InRange(run.Length, 5, 15));

        // Crossing, a person peaks at +4 to +7 °C (+2.5 to +3.5 hooded) on average over the frames in view, pulsing
        // by up to a quarter as the blob passes over pixel boundaries, and reads above half its peak over 3-8 pixels.
        for (var i = 0; i < runs.Count; i++)
        {
            var (low, high) = script[i].Pass == DoorwayPass.Hooded ? (2.5, 3.5) : (4.0, 7.0);
            var peaks = new List<double>();
            for (var frame = runs[i].First + 1; frame < runs[i].First + runs[i].Length - 1; frame++)
            {
                var people = PeopleOnly(recording, frame);
                var peak = people.Max();
                peaks.Add(peak);
                Assert.InRange(peak, low * 0.75, high * 1.2);
                Assert.InRange(people.Count(v => v >= peak / 2), 3, 8);
            }

            Assert.InRange(peaks.Average(), low * 0.9, high * 1.1);
        }
    }

    [Fact]
    public void A_long_mixed_doorway_run_keeps_its_truth_consistent()
    {
        var recording = SyntheticScenes.Doorway8x8(2, DoorwayOptions.LongRun(30));
        Assert.Equal(18_000, recording.FrameCount);
        var last = recording.FrameCount - 1;
        Assert.InRange(recording.People.Count, 30, 130);
        Assert.Contains(recording.People, p => p.Kind == "turn-back");
        Assert.Equal(recording.People.Count(p => p.Crosses && p.Direction == "in"), recording.TruthIn(last));
        Assert.Equal(recording.People.Count(p => p.Crosses && p.Direction == "out"), recording.TruthOut(last));
        Assert.All(recording.People, p => Assert.True(p.EndSeconds < recording.DurationSeconds));
    }

    [Fact]
    public void Still_worker_is_occupied_exactly_from_walking_in_to_walking_out()
    {
        var recording = ShortDesk(5);
        var approach = At(recording, "person approaches the view");
        var enter = At(recording, "person enters the view");
        var seated = At(recording, "person seated");
        var stand = At(recording, "person stands up");
        var leave = At(recording, "person leaves the view");
        Assert.Equal(SyntheticScenes.EmptyStartSeconds, enter);
        Assert.InRange(seated - enter, 4, 6);
        Assert.Equal(0.05 * 3600, stand - seated, 6);
        Assert.InRange(leave - stand, 3.5, 4.5);
        Assert.Equal(leave + 60, recording.DurationSeconds, 0.5);

        for (var frame = 0; frame < recording.FrameCount; frame++)
        {
            var t = recording.TimeOf(frame);
            if (Math.Abs(t - enter) < 1e-9 || Math.Abs(t - leave) < 1e-9)
            {
                continue;
            }

            Assert.Equal(t > enter && t < leave, recording.TruthOccupied(frame));
            Assert.InRange(recording.TruthPeople(frame), 0, 1);
            Assert.Equal(0, recording.TruthIn(frame) + recording.TruthOut(frame));
            if (t < approach || t > leave + 3)
            {
                // Before the approach and once gone, the person adds nothing at all to the picture.
                Assert.All(PeopleOnly(recording, frame), v => Assert.Equal(0f, v));
            }
        }

        Assert.Empty(recording.Crossings);
    }

    [Fact]
    public void A_seated_worker_reads_about_2_5_degrees_over_6_to_8_pixels_and_without_fidgets_never_moves()
    {
        var recording = ShortDesk(9);
        var seated = At(recording, "person seated");
        var stand = At(recording, "person stands up");
        var peaks = new List<float>();
        var sizes = new List<int>();
        for (var frame = (int)((seated + 1) * 2); frame < (stand - 1) * 2; frame++)
        {
            var people = PeopleOnly(recording, frame);
            peaks.Add(people.Max());
            sizes.Add(people.Count(v => v >= people.Max() / 2));
        }

        peaks.Sort();
        sizes.Sort();
        Assert.InRange(peaks[peaks.Count / 2], 2.3, 2.7);
        Assert.InRange(peaks[0], 2.1, 3.3);
        Assert.InRange(peaks[^1], 2.1, 3.3);
        Assert.InRange(sizes[sizes.Count / 2], 6, 8);
        Assert.InRange(sizes[0], 5, 9);
        Assert.InRange(sizes[^1], 5, 9);

        // Without fidgets the seated person's contribution is the same in every frame: only the noise moves.
        var still = ShortDesk(9, fidget: false);
        var reference = PeopleOnly(still, (int)((seated + 1) * 2));
        for (var frame = (int)((seated + 1) * 2); frame < (stand - 1) * 2; frame += 17)
        {
            // (Equal up to float rounding: the person is added to a background that drifts.)
            var people = PeopleOnly(still, frame);
            Assert.All(Enumerable.Range(0, 192), i => Assert.Equal(reference[i], people[i], 1e-4));
        }
    }

    [Fact]
    public void Monitors_warm_to_5_or_6_degrees_with_a_ten_minute_time_constant()
    {
        var recording = SyntheticScenes.MonitorsOnly16x12(4, hours: 1.5, framesPerSecond: 0.5, monitorsOnAtMinutes: 5);
        Assert.DoesNotContain(Enumerable.Range(0, recording.FrameCount), recording.TruthOccupied);

        var cold = new float[192];
        recording.RenderExpected(0, cold);
        double Contrast(int minute)
        {
            var frame = new float[192];
            var index = minute * 30;
            recording.RenderExpected(index, frame);
            var drift = recording.AmbientOf(index) - recording.AmbientOf(0);
            return frame.Select((v, i) => v - cold[i] - drift).Max();
        }

        Assert.InRange(Contrast(4), -0.02, 0.02);
        var warm = Contrast(85);
        Assert.InRange(warm, 5.0 - 0.02, 6.0 + 0.02);
        Assert.InRange(Contrast(15) / warm, 0.632 - 0.01, 0.632 + 0.01);
    }

    [Fact]
    public void A_sun_patch_fades_in_over_20_minutes_peaks_near_2_degrees_and_creeps_across_the_floor()
    {
        var plain = SyntheticScenes.MonitorsOnly16x12(6, hours: 2.5, framesPerSecond: 1.0 / 60);
        var sunny = SyntheticScenes.MonitorsOnly16x12(6, hours: 2.5, framesPerSecond: 1.0 / 60, sunPatchAtMinutes: 10);
        float[] Sun(int minute)
        {
            var a = new float[192];
            var b = new float[192];
            sunny.RenderExpected(minute, a);
            plain.RenderExpected(minute, b);
            return a.Select((v, i) => v - b[i]).ToArray();
        }

        (double X, double Y) Centroid(float[] sun)
        {
            var total = sun.Sum();
            return (sun.Select((v, i) => v * ((i % 16) + 0.5)).Sum() / total, sun.Select((v, i) => v * ((i / 16) + 0.5)).Sum() / total);
        }

        Assert.All(Sun(9), v => Assert.Equal(0f, v));
        Assert.InRange(Sun(20).Max(), 0.85, 1.05);
        Assert.InRange(Sun(70).Max(), 1.7, 2.05);
        Assert.All(Sun(131), v => Assert.Equal(0f, v));
        var (x0, y0) = Centroid(Sun(40));
        var (x1, y1) = Centroid(Sun(100));
        Assert.InRange(Math.Sqrt(Math.Pow(x1 - x0, 2) + Math.Pow(y1 - y0, 2)), 2.0 * 0.9, 2.0 * 1.1);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(4)]
    public void A_room_holds_the_same_number_of_people_in_every_frame(int people)
    {
        var recording = SyntheticScenes.Room8x8(people, people, seconds: 120);
        Assert.Equal(288, recording.FrameCount);
        Assert.Equal(people, recording.People.Count);
        Assert.All(Enumerable.Range(0, recording.FrameCount), f => Assert.Equal(people, recording.TruthPeople(f)));
        Assert.Equal(people > 0, recording.TruthOccupied(100));
    }

    [Fact]
    public void The_frames_csv_has_the_replay_header_and_rows_and_replays_exactly()
    {
        var recording = SyntheticScenes.Doorway8x8(8, DoorwayOptions.Mixed with { Seconds = 30, LeadInSeconds = 2, MinGapSeconds = 1, MaxGapSeconds = 2 });
        var text = new StringWriter();
        recording.WriteFramesCsv(text);
        var lines = text.ToString().Split('\n');
        Assert.Equal("t_s,ambient_c," + string.Join(',', Enumerable.Range(0, 64).Select(i => "p" + i)), lines[0]);
        Assert.Equal(recording.FrameCount + 2, lines.Length);
        Assert.Equal(string.Empty, lines[^1]);
        Assert.All(lines.Skip(1).SkipLast(1), line => Assert.Equal(66, line.Split(',').Length));
        Assert.Equal("0.1", lines[2].Split(',')[0]);
        Assert.Equal(recording.AmbientOf(1), double.Parse(lines[2].Split(',')[1], CultureInfo.InvariantCulture));

        // The project's own replay reader accepts it, and every frame reads back exactly as rendered.
        using var reader = new FramesCsvReader(new StringReader(text.ToString()), "synthetic.csv", null);
        Assert.Equal("8x8", reader.Size.ToString());
        var pixels = new float[64];
        for (var frame = 0; frame < recording.FrameCount; frame++)
        {
            Assert.True(reader.ReadNext());
            recording.Render(frame, pixels);
            Assert.Equal(pixels, reader.Frame.Pixels);
            Assert.Equal(recording.TimeOf(frame), reader.TimeSeconds);
        }

        Assert.False(reader.ReadNext());

        var desk = new StringWriter();
        SyntheticScenes.MonitorsOnly16x12(1, hours: 0.01, framesPerSecond: 1).WriteFramesCsv(desk);
        using var deskReader = new FramesCsvReader(new StringReader(desk.ToString()), "desk.csv", null);
        Assert.Equal("16x12", deskReader.Size.ToString());
        Assert.True(deskReader.ReadNext());
        Assert.False(float.IsNaN(deskReader.AmbientCelsius));
    }
}
