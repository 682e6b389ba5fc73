using OccupancySensor.Processing;

namespace OccupancySensor.Tests.Processing;

public class BackgroundModelTests
{
    private const int Width = 8;
    private const int Height = 8;
    private const int Pixels = Width * Height;
    private static readonly int[] NoBlobs = Enumerable.Repeat(-1, Pixels).ToArray();
    private static readonly bool[] NoPeople = new bool[BlobFinder.MaxBlobs];

    // The band around the last offset, in sigmas, that the engine passes for the quiet pixels.
    private static float QuietBand(EngineSettings settings) => settings.Get(EngineSettings.DetectSigmaId);

    private static BackgroundModel WarmedUp(ThermalScene scene, int frames, float seconds = 0.1f)
    {
        var model = new BackgroundModel(Width, Height);
        for (int i = 0; i < frames; i++)
        {
            model.AddEmptyFrame(scene.Render(i * 100).Pixels, seconds);
        }

        Assert.True(model.TryFinishWarmUp(0.5f, 0.01f, false));
        return model;
    }

    [Fact]
    public void Warm_up_learns_each_pixels_level_and_the_noise()
    {
        var scene = new ThermalScene(Width, Height, seed: 1, level: 22f, noise: 0.2f, pattern: 1.5f);
        var model = new BackgroundModel(Width, Height);

        // Default warm-up: 2 s at 10 frames a second. Not ready before the time is up.
        for (int i = 0; i < 19; i++)
        {
            model.AddEmptyFrame(scene.Render(i * 100).Pixels, 0.1f);
            Assert.False(model.TryFinishWarmUp(2f, 0.05f, false));
            Assert.False(model.IsReady);
        }

        model.AddEmptyFrame(scene.Render(2000).Pixels, 0.1f);
        Assert.True(model.TryFinishWarmUp(2f, 0.05f, false));
        Assert.True(model.IsReady);

        // The mean of 20 frames is within ~5 standard errors (0.2 / sqrt(20) = 0.045) of each pixel's level.
        for (int i = 0; i < Pixels; i++)
        {
            Assert.InRange(model.LevelAt(i), scene.EmptyAt(i) - 0.2f, scene.EmptyAt(i) + 0.2f);
        }

        Assert.InRange(model.Sigma, 0.2f * 0.8f, 0.2f * 1.2f);
    }

    [Fact]
    public void Warm_up_needs_two_frames_unless_it_is_long_enough_and_a_forced_finish_still_needs_two()
    {
        var scene = new ThermalScene(Width, Height, seed: 2);
        var model = new BackgroundModel(Width, Height);
        model.AddEmptyFrame(scene.Render(0).Pixels, 10f);
        Assert.False(model.TryFinishWarmUp(2f, 0.05f, false));
        Assert.False(model.TryFinishWarmUp(2f, 0.05f, true));
        model.AddEmptyFrame(scene.Render(100).Pixels, 0.1f);
        Assert.True(model.TryFinishWarmUp(600f, 0.05f, true));
    }

    [Fact]
    public void Noise_below_the_floor_is_taken_as_the_floor()
    {
        var scene = new ThermalScene(Width, Height, seed: 3, noise: 0f);
        var model = new BackgroundModel(Width, Height);
        for (int i = 0; i < 10; i++)
        {
            model.AddEmptyFrame(scene.Render(i * 100).Pixels, 0.1f);
        }

        Assert.True(model.TryFinishWarmUp(0.5f, 0.07f, false));
        Assert.Equal(0.07f, model.Sigma);
    }

    [Fact]
    public void Slow_drift_of_the_whole_scene_becomes_the_offset_and_is_not_learned()
    {
        var scene = new ThermalScene(Width, Height, seed: 4, noise: 0.2f);
        var model = WarmedUp(scene, 40);
        var settings = new EngineSettings();
        var levels = Enumerable.Range(0, Pixels).Select(model.LevelAt).ToArray();

        // +1 °C over 100 frames: 0.01 °C a frame, far below the noise.
        for (int k = 1; k <= 100; k++)
        {
            scene.Level = 21f + (k * 0.01f);
            model.Subtract(scene.Render(4000 + (k * 100)).Pixels, QuietBand(settings));
            model.Learn(NoBlobs, NoPeople, null, 0.1f, settings);
        }

        Assert.InRange(model.Offset, 0.9f, 1.1f);
        Assert.InRange(model.Excess.Average(), -0.1f, 0.1f);
        for (int i = 0; i < Pixels; i++)
        {
            Assert.InRange(model.LevelAt(i), levels[i] - 0.15f, levels[i] + 0.15f);
        }
    }

    [Fact]
    public void A_person_sitting_still_for_hours_keeps_their_excess_while_a_radiator_cools_beside_them()
    {
        // Three hours at the AMG8833's 1 fps: 0.3 °C noise rounded to its 0.25 °C steps, constant air. A radiator's
        // glow over the top two rows cools from +0.8 °C to nothing over the first hour (always inside the quiet
        // band, so it is learned as quiet pixels), and a person sits still over four pixels at +2 °C, held as a
        // person's blob (not learned). The person's excess must stay +2 °C: the levels and the offset may not
        // trade a constant, neither through noise (a mean learned against a median) nor through the cooling
        // glow (a common mode taken from the mean of the quiet pixels' steps).
        var random = new Random(7);
        float Gaussian() => (float)(Math.Sqrt(-2.0 * Math.Log(1.0 - random.NextDouble())) * Math.Cos(2.0 * Math.PI * random.NextDouble()));
        var pattern = Enumerable.Range(0, Pixels).Select(_ => (float)((random.NextDouble() * 0.6) - 0.3)).ToArray();
        int[] person = { (4 * Width) + 4, (4 * Width) + 5, (5 * Width) + 4, (5 * Width) + 5 };
        var pixelBlob = Enumerable.Repeat(-1, Pixels).ToArray();
        foreach (int i in person)
        {
            pixelBlob[i] = 0;
        }

        var isPerson = new bool[BlobFinder.MaxBlobs];
        isPerson[0] = true;
        var settings = new EngineSettings();
        var pixels = new float[Pixels];
        void Render(int second)
        {
            float glow = 0.8f * Math.Max(0f, 1f - (second / 3600f));
            for (int i = 0; i < Pixels; i++)
            {
                float value = 21f + pattern[i] + (0.3f * Gaussian()) + (i < 2 * Width ? glow : 0f) + (pixelBlob[i] == 0 ? 2f : 0f);
                pixels[i] = MathF.Round(value / 0.25f) * 0.25f;
            }
        }

        var model = new BackgroundModel(Width, Height);
        var empty = Enumerable.Repeat(-1, Pixels).ToArray();
        for (int second = 0; second < 2; second++)
        {
            Render(second);
            for (int i = 0; i < Pixels; i++)
            {
                pixels[i] -= pixelBlob[i] == 0 ? 2f : 0f;
            }

            model.AddEmptyFrame(pixels, 1f);
        }

        Assert.True(model.TryFinishWarmUp(2f, 0.05f, false));
        // The person's excess averaged over their four pixels, in the first half hour after the glow and the
        // levels settled (minutes 10 to 40) and in the last half hour: the noise of each is 0.3 / sqrt(7200), and
        // the two may differ by no more than a tenth of a degree.
        float early = 0;
        float late = 0;
        for (int second = 2; second < 3 * 3600; second++)
        {
            Render(second);
            model.Subtract(pixels, QuietBand(settings));
            model.Learn(pixelBlob, isPerson, null, 1f, settings);
            float excess = person.Average(i => model.Excess[i]);
            if (second >= 600 && second < 2400)
            {
                early += excess / 1800f;
            }
            else if (second >= (3 * 3600) - 1800)
            {
                late += excess / 1800f;
            }
        }

        Assert.InRange(early, 1.7f, 2.3f);
        Assert.True(Math.Abs(late - early) < 0.1f, $"the still person's excess went from {early:F2} to {late:F2} °C");
    }

    [Fact]
    public void The_faint_fringe_a_persons_blob_holds_on_to_is_learned_and_their_body_is_not()
    {
        // A person sits still at +3 °C over four pixels; their blob also holds eight faintly warm pixels beside them
        // (+0.6 °C: a monitor left on, a warm desk). Twenty minutes at 1 fps later the fringe is background and the
        // person is as warm as ever.
        var scene = new ThermalScene(Width, Height, seed: 11, noise: 0.2f);
        var model = WarmedUp(scene, 40);
        var settings = new EngineSettings();
        int[] body = { (3 * Width) + 3, (3 * Width) + 4, (4 * Width) + 3, (4 * Width) + 4 };
        int[] fringe = { (2 * Width) + 5, (3 * Width) + 5, (4 * Width) + 5, (5 * Width) + 5, (2 * Width) + 6, (3 * Width) + 6, (4 * Width) + 6, (5 * Width) + 6 };
        var pixelBlob = Enumerable.Repeat(-1, Pixels).ToArray();
        foreach (int i in body.Concat(fringe))
        {
            pixelBlob[i] = 0;
        }

        var isPerson = new bool[BlobFinder.MaxBlobs];
        isPerson[0] = true;
        var pixels = new float[Pixels];
        for (int second = 0; second < 1200; second++)
        {
            scene.Render(4000 + (second * 1000)).Pixels.CopyTo(pixels, 0);
            foreach (int i in body)
            {
                pixels[i] += 3f;
            }

            foreach (int i in fringe)
            {
                pixels[i] += 0.6f;
            }

            model.Subtract(pixels, QuietBand(settings));
            model.Learn(pixelBlob, isPerson, null, 1f, settings);
        }

        Assert.InRange(fringe.Average(i => model.Excess[i]), -0.2f, 0.2f);
        Assert.InRange(body.Average(i => model.Excess[i]), 2.7f, 3.3f);
    }

    [Fact]
    public void A_uniform_one_degree_step_of_the_whole_frame_becomes_the_offset_not_excess()
    {
        var scene = new ThermalScene(Width, Height, seed: 5, noise: 0.2f);
        var model = WarmedUp(scene, 40);
        var settings = new EngineSettings();
        scene.Level += 1f;
        model.Subtract(scene.Render(5000).Pixels, QuietBand(settings));

        Assert.InRange(model.Offset, 0.85f, 1.15f);
        float detect = settings.Get(EngineSettings.DetectSigmaId) * model.Sigma;
        Assert.True(model.Excess.Count(e => e > detect) <= 2, "a uniform shift must not look warm: " +
            string.Join(" ", model.Excess.Select(e => e.ToString("0.0"))));
    }

    [Fact]
    public void A_uniform_cold_step_becomes_the_offset_at_once()
    {
        var scene = new ThermalScene(Width, Height, seed: 6, noise: 0.2f);
        var model = WarmedUp(scene, 40);
        var settings = new EngineSettings();
        scene.Level -= 2f;
        model.Subtract(scene.Render(5000).Pixels, QuietBand(settings));
        Assert.InRange(model.Offset, -2.15f, -1.85f);
        Assert.InRange(model.Excess.Average(), -0.15f, 0.15f);
    }

    [Fact]
    public void When_people_cover_most_of_the_view_the_offset_follows_the_ambient_temperature()
    {
        var scene = new ThermalScene(Width, Height, seed: 7, noise: 0f);
        var model = WarmedUp(scene, 10);
        var settings = new EngineSettings();
        float band = QuietBand(settings);
        model.AcceptAmbient(21f);

        // People arrive row by row, 4 °C warm; as in the engine, each frame's blobs (people) are learned from.
        foreach (int covered in new[] { 0, 16, 32, 40 })
        {
            var frame = scene.Render(2000 + covered).Pixels;
            var blobs = (int[])NoBlobs.Clone();
            var people = new bool[BlobFinder.MaxBlobs];
            people[0] = true;
            for (int i = 0; i < covered; i++)
            {
                frame[i] += 4f;
                blobs[i] = 0;
            }

            model.Subtract(frame, band);
            Assert.Equal(0f, model.Offset, 3);
            model.Learn(blobs, people, null, 0.1f, settings);
        }

        // 52 of 64 pixels are people: the quiet pixels left are too few for a median, so the ambient rules. The
        // room warmed by 0.5 °C, and the sensor sees it everywhere.
        model.AcceptAmbient(21.5f);
        var pixels = scene.Render(2100).Pixels;
        for (int i = 0; i < Pixels; i++)
        {
            pixels[i] += i < 52 ? 4.5f : 0.5f;
        }

        model.Subtract(pixels, band);
        Assert.Equal(0.5f, model.Offset, 3);
        Assert.Equal(4f, model.Excess[0], 3);
        Assert.Equal(0f, model.Excess[63], 3);
    }

    [Fact]
    public void Colder_pixels_are_learned_fast_warmer_faint_ones_slowly()
    {
        var scene = new ThermalScene(Width, Height, seed: 8, noise: 0.1f);
        var model = WarmedUp(scene, 40);
        var settings = new EngineSettings();
        const int cold = 10;
        const int faint = 50;
        float coldLevel = model.LevelAt(cold);
        float faintLevel = model.LevelAt(faint);
        float colderSeconds = settings.Get(EngineSettings.ColderTimeId);
        int frames = (int)(colderSeconds / 0.1f);
        for (int k = 0; k < frames; k++)
        {
            var pixels = scene.Render(5000 + (k * 100)).Pixels;
            pixels[cold] -= 3f;

            // Warm but under the detection threshold (3 sigma): not a blob.
            pixels[faint] += 0.25f;
            model.Subtract(pixels, QuietBand(settings));
            model.Learn(NoBlobs, NoPeople, null, 0.1f, settings);
        }

        // One colder time constant learns about 1 - 1/e of a cold step.
        float coldLearned = (coldLevel - model.LevelAt(cold)) / 3f;
        Assert.InRange(coldLearned, 0.5f, 0.8f);

        // The faint warm pixel moved at most at the background rate or slower.
        float faintLearned = (model.LevelAt(faint) - faintLevel) / 0.25f;
        Assert.True(faintLearned < coldLearned / 2, $"faint {faintLearned} cold {coldLearned}");
    }

    // A heat source (blob 0) in the top-left corner and a person (blob 1) lower down.
    private static readonly int[] Heater = { 1, 2, 9, 10 };
    private static readonly int[] Person = { 44, 45, 52, 53 };

    private const int Rim = 36; // touches pixel 44 and 45 diagonally/above, not itself in the blob
    private const int MinuteSeconds = 60;

    // A minute at a frame a second with the heater and the person 3 °C over their levels and the rim by rimWarmth,
    // each frame learned with the given cooling asked for under people (null for none).
    private static void WarmHeaterAndPersonForAMinute(
        BackgroundModel model, ThermalScene scene, EngineSettings settings, float[]? hiddenCooling, float rimWarmth)
    {
        var pixelBlob = (int[])NoBlobs.Clone();
        foreach (int p in Heater)
        {
            pixelBlob[p] = 0;
        }

        foreach (int p in Person)
        {
            pixelBlob[p] = 1;
        }

        var isPerson = new bool[BlobFinder.MaxBlobs];
        isPerson[1] = true;
        for (int k = 0; k < MinuteSeconds; k++)
        {
            var pixels = scene.Render(5000 + (k * 1000)).Pixels;
            foreach (int p in Heater.Concat(Person))
            {
                pixels[p] += 3f;
            }

            pixels[Rim] += rimWarmth;
            model.Subtract(pixels, QuietBand(settings));
            model.Learn(pixelBlob, isPerson, hiddenCooling, 1f, settings);
        }
    }

    [Fact]
    public void A_heat_source_blob_is_absorbed_at_the_static_rate_a_persons_blob_and_rim_are_not_learned()
    {
        var scene = new ThermalScene(Width, Height, seed: 9, noise: 0f);
        var model = WarmedUp(scene, 10);
        var settings = new EngineSettings();
        var before = Enumerable.Range(0, Pixels).Select(model.LevelAt).ToArray();
        WarmHeaterAndPersonForAMinute(model, scene, settings, null, 0.5f);

        // Each second learns 1/static_heat_s of what is left: 3 * (1 - (1 - 1/300)^60) after a minute.
        float rate = 1f / settings.Get(EngineSettings.StaticHeatTimeId);
        float expected = 3f * (1f - MathF.Pow(1f - rate, MinuteSeconds));
        foreach (int p in Heater)
        {
            Assert.Equal(expected, model.LevelAt(p) - before[p], 2);
        }

        foreach (int p in Person)
        {
            Assert.Equal(before[p], model.LevelAt(p));
        }

        Assert.Equal(before[Rim], model.LevelAt(Rim));
        Assert.Equal(0f, model.Offset, 3);
    }

    [Fact]
    public void The_background_under_a_person_found_faded_is_lowered_at_the_static_rate_and_nowhere_else()
    {
        var scene = new ThermalScene(Width, Height, seed: 11, noise: 0f);
        var model = WarmedUp(scene, 10);
        var settings = new EngineSettings();

        // The tracker asks for 0.5 °C a pixel off both blobs; only a person's blob takes it.
        var hiddenCooling = new float[BlobFinder.MaxBlobs];
        hiddenCooling[0] = 0.5f;
        hiddenCooling[1] = 0.5f;
        var before = Enumerable.Range(0, Pixels).Select(model.LevelAt).ToArray();
        WarmHeaterAndPersonForAMinute(model, scene, settings, hiddenCooling, 0f);

        // 0.5 °C at 1/static_heat_s a second for a minute, whatever the person's excess.
        float rate = 1f / settings.Get(EngineSettings.StaticHeatTimeId);
        foreach (int p in Person)
        {
            Assert.Equal(-0.5f * rate * MinuteSeconds, model.LevelAt(p) - before[p], 3);
        }

        // The heater is absorbed as static heat, as without the request.
        float absorbed = 3f * (1f - MathF.Pow(1f - rate, MinuteSeconds));
        foreach (int p in Heater)
        {
            Assert.Equal(absorbed, model.LevelAt(p) - before[p], 2);
        }

        Assert.Equal(before[Rim], model.LevelAt(Rim));
    }

    [Fact]
    public void Learned_noise_follows_a_noisier_sensor_at_the_background_rate()
    {
        var scene = new ThermalScene(Width, Height, seed: 10, noise: 0.1f);
        var model = WarmedUp(scene, 40);
        var settings = new EngineSettings();
        Assert.InRange(model.Sigma, 0.08f, 0.12f);
        scene.Noise = 0.3f;
        float backgroundSeconds = settings.Get(EngineSettings.BackgroundTimeId);
        int frames = (int)(3 * backgroundSeconds / 0.1f);
        for (int k = 0; k < frames; k++)
        {
            model.Subtract(scene.Render(5000 + (k * 100)).Pixels, QuietBand(settings));
            model.Learn(NoBlobs, NoPeople, null, 0.1f, settings);
        }

        // Quiet pixels are those within learn_sigma of the level, so the estimate sees a clipped distribution and
        // lags; it must still have moved most of the way towards 0.3.
        Assert.InRange(model.Sigma, 0.2f, 0.36f);
    }
}
