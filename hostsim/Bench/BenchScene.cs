using OccupancySensor.Sensors;

namespace OccupancySensor.HostSim.Bench;

/// <summary>
/// A doorway seen from the ceiling, rendered once into preallocated frames so that rendering is never part of
/// what the benchmark or the allocation test measures. The engine then gets these very frames, one after the
/// other, with increasing timestamps: <see cref="FrameAt"/> only picks a frame and stamps it (no allocation).
/// <para>
/// What is in view: a floor at room temperature with fixed per-pixel offsets (the array's non-uniformity), a slow
/// common-mode swing of the room temperature, temporal noise of <see cref="NoiseCelsius"/> (quantised to 0.25 °C
/// for the 8x8 AMG8833), a door line down the middle (<c>x=W/2</c>), and people as warm Gaussian blobs sized for
/// the resolution (0.8 pixels of spread and 4.5 °C of contrast at 8x8, about what an AMG8833 under a 2.7 m
/// ceiling shows of someone walking; the spread scales with the width). The run has three parts:
/// </para>
/// <list type="bullet">
/// <item><see cref="Calibration"/>: the empty room, for <c>DetectionEngine.Calibrate</c>.</item>
/// <item><see cref="Intro"/>: still empty, but a warm object (a monitor switched on) warms up slowly in a corner.</item>
/// <item><see cref="Loop"/>, repeated forever: six people walk across the view in each minute, crossing the
/// door line three times each way (one alone each way, two side by side while a third passes them the other way,
/// so up to three people are in view at once); optionally one person walks in, sits still (fading for a moment
/// as a head turns) and walks out again without crossing the line; then the view is empty long enough for the
/// presence hold to expire. The loop begins and ends with nobody in view, so it repeats without a seam.</item>
/// </list>
/// A PIR edge is marked on frames where someone walks in view (at most one per <see cref="PirBlindSeconds"/>)
/// and once while the seated person reaches for something.
/// </summary>
public sealed class BenchScene
{
    /// <summary>Temporal pixel noise (one standard deviation) in °C.</summary>
    public const float NoiseCelsius = 0.3f;

    /// <summary>Seconds of empty room for the calibration.</summary>
    public const float CalibrationSeconds = 2f;

    /// <summary>Seconds before the loop: the warm object warms up over <see cref="RampSeconds"/> of it.</summary>
    public const float IntroSeconds = 120f;

    /// <summary>Seconds the warm object takes to reach its full heat.</summary>
    public const float RampSeconds = 90f;

    /// <summary>Seconds of one loop of the scene.</summary>
    public const float LoopSeconds = 60f;

    /// <summary>Seconds a walker takes to cross the view from just outside one edge to just outside the other.</summary>
    public const float CrossingSeconds = 4f;

    /// <summary>A PIR gives at most one edge in this long (its blind time).</summary>
    public const float PirBlindSeconds = 2f;

    /// <summary>Door crossings per loop towards increasing column ("in").</summary>
    public const int LoopIn = 3;

    /// <summary>Door crossings per loop towards decreasing column ("out").</summary>
    public const int LoopOut = 3;

    private const float RoomCelsius = 22f;
    private const float RoomSwingCelsius = 0.3f;
    private const float FixedPatternCelsius = 0.6f;
    private const float PersonSpreadAt8 = 0.8f;
    private const float ObjectSpreadAt8 = 0.5f;
    private const float ObjectContrastCelsius = 2.5f;

    // The seated person: walks in from the right edge at SitFrom, sits until SitUntil, fades at FadeAt.
    private const float SitterEnters = 21f;
    private const float SitterWalkSeconds = 2f;
    private const float SitFrom = SitterEnters + SitterWalkSeconds;
    private const float SitUntil = SitFrom + 12f;
    private const float FadeAt = SitFrom + 6f;
    private const float FadeSeconds = 1f;
    private const float ReachAt = SitFrom + 3f;

    private readonly bool[] _introMotion;
    private readonly bool[] _loopMotion;
    private readonly byte[] _loopPeople;
    private readonly bool[] _loopSeatedOnly;
    private readonly float _scale;
    private readonly float _personSpread;
    private readonly float _personContrast;
    private readonly Walk[] _walks;

    private BenchScene(int width, int height, int framesPerSecond, bool stillPerson)
    {
        if (width < 8 || height < 8 || width * height > ThermalFrame.MaxPixels || framesPerSecond < 1 || framesPerSecond > 100)
        {
            throw new ArgumentOutOfRangeException(nameof(width), "the bench scene needs 8x8 to 32x32 pixels at 1 to 100 fps");
        }

        Width = width;
        Height = height;
        FramesPerSecond = framesPerSecond;
        FrameMilliseconds = 1000 / framesPerSecond;
        HasStillPerson = stillPerson;
        DoorIndex = width / 2;
        _scale = width / 8f;
        _personSpread = PersonSpreadAt8 * _scale;

        // Finer arrays average less floor into a person's pixels, so the peak contrast grows a little.
        _personContrast = 4.5f + (0.5f * MathF.Log2(_scale));
        Calibration = NewFrames(Frames(CalibrationSeconds));
        Intro = NewFrames(Frames(IntroSeconds));
        Loop = NewFrames(Frames(LoopSeconds));
        _introMotion = new bool[Intro.Length];
        _loopMotion = new bool[Loop.Length];
        _loopPeople = new byte[Loop.Length];
        _loopSeatedOnly = new bool[Loop.Length];

        float w = width;
        float h = height;
        float left = -0.5f - (2.5f * _personSpread);
        float right = w - 0.5f + (2.5f * _personSpread);
        _walks = new[]
        {
            new Walk(1f, CrossingSeconds, left, 0.35f * h, right, 0.40f * h),
            new Walk(7f, CrossingSeconds, right, 0.60f * h, left, 0.55f * h),
            new Walk(13f, CrossingSeconds, left, 0.25f * h, right, 0.25f * h),
            new Walk(13.2f, CrossingSeconds, left, 0.65f * h, right, 0.62f * h),
            new Walk(14.5f, CrossingSeconds, right, 0.45f * h, left, 0.45f * h),
            new Walk(38f, CrossingSeconds * 1.25f, right, 0.45f * h, left, 0.35f * h),
        };
    }

    /// <summary>Columns.</summary>
    public int Width { get; }

    /// <summary>Rows.</summary>
    public int Height { get; }

    /// <summary>Frame rate.</summary>
    public int FramesPerSecond { get; }

    /// <summary>Milliseconds between frames.</summary>
    public int FrameMilliseconds { get; }

    /// <summary>Whether the loop has the person who sits still.</summary>
    public bool HasStillPerson { get; }

    /// <summary>K of the door line <c>x=K</c>, between columns K-1 and K, in the middle of the view.</summary>
    public int DoorIndex { get; }

    /// <summary>The door line as the engine's configuration writes it.</summary>
    public string DoorText => "x=" + DoorIndex.ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>Frames of the empty room, stamped from 0.</summary>
    public ThermalFrame[] Calibration { get; }

    /// <summary>The empty room while the warm object warms up.</summary>
    public ThermalFrame[] Intro { get; }

    /// <summary>One loop of the busy scene.</summary>
    public ThermalFrame[] Loop { get; }

    /// <summary>When the first frame after the calibration is taken.</summary>
    public long StartMilliseconds => (long)Calibration.Length * FrameMilliseconds;

    /// <summary>The room temperature in °C at frame <paramref name="index"/> (for the ambient sensor).</summary>
    public float RoomCelsiusAt(long index) => Room(SecondsOf(index));

    /// <summary>
    /// Frame <paramref name="index"/> after the calibration (0 = the first), stamped with its time. The intro is
    /// played once, then the loop over and over. The same frame objects come back every loop.
    /// </summary>
    public ThermalFrame FrameAt(long index)
    {
        ThermalFrame frame = index < Intro.Length ? Intro[index] : Loop[(index - Intro.Length) % Loop.Length];
        frame.TimestampMilliseconds = StartMilliseconds + (index * FrameMilliseconds);
        return frame;
    }

    /// <summary>Whether the PIR gives an edge with frame <paramref name="index"/>.</summary>
    public bool MotionAt(long index) =>
        index < Intro.Length ? _introMotion[index] : _loopMotion[(index - Intro.Length) % Loop.Length];

    /// <summary>People whose centre is in view in frame <paramref name="index"/> (the truth, for tests).</summary>
    public int PeopleAt(long index) => index < Intro.Length ? 0 : _loopPeople[(index - Intro.Length) % Loop.Length];

    /// <summary>Whether frame <paramref name="index"/> shows the seated person, sitting still, and nobody else.</summary>
    public bool SeatedOnlyAt(long index) => index >= Intro.Length && _loopSeatedOnly[(index - Intro.Length) % Loop.Length];

    /// <summary>Index of the first frame of loop <paramref name="loop"/> (0 = the first loop).</summary>
    public long LoopStart(long loop) => Intro.Length + (loop * Loop.Length);

    /// <summary>Renders the scene for <paramref name="width"/> x <paramref name="height"/> at <paramref name="framesPerSecond"/>.</summary>
    public static BenchScene Render(int width, int height, int framesPerSecond, bool stillPerson, int seed = 1)
    {
        var scene = new BenchScene(width, height, framesPerSecond, stillPerson);
        scene.RenderAll(seed);
        return scene;
    }

    private int Frames(float seconds) => (int)MathF.Round(seconds * FramesPerSecond);

    private ThermalFrame[] NewFrames(int count)
    {
        var frames = new ThermalFrame[count];
        for (var i = 0; i < count; i++)
        {
            frames[i] = new ThermalFrame(Width, Height);
        }

        return frames;
    }

    private float SecondsOf(long index) => (float)(index * FrameMilliseconds / 1000.0);

    // The room swings gently with the loop's period (a common-mode drift the engine must not learn as people).
    private static float Room(float seconds) =>
        RoomCelsius + (RoomSwingCelsius * MathF.Sin(2f * MathF.PI * seconds / LoopSeconds));

    private void RenderAll(int seed)
    {
        var random = new Random(seed);
        var fixedPattern = new float[Width * Height];
        for (var i = 0; i < fixedPattern.Length; i++)
        {
            fixedPattern[i] = (float)((random.NextDouble() - 0.5) * FixedPatternCelsius);
        }

        float seconds;
        for (var i = 0; i < Calibration.Length; i++)
        {
            seconds = (i - Calibration.Length) / (float)FramesPerSecond;
            RenderFloor(Calibration[i].Pixels, fixedPattern, Room(seconds), random);
            Calibration[i].TimestampMilliseconds = (long)i * FrameMilliseconds;
            Quantise(Calibration[i].Pixels);
        }

        for (var i = 0; i < Intro.Length; i++)
        {
            seconds = SecondsOf(i);
            var pixels = Intro[i].Pixels;
            RenderFloor(pixels, fixedPattern, Room(seconds), random);
            var warmth = seconds >= RampSeconds ? 1f : seconds / RampSeconds;
            RenderObject(pixels, warmth);
            Quantise(pixels);
        }

        var lastEdge = float.NegativeInfinity;
        for (var i = 0; i < Loop.Length; i++)
        {
            seconds = i / (float)FramesPerSecond;
            var pixels = Loop[i].Pixels;
            RenderFloor(pixels, fixedPattern, Room(seconds), random);
            RenderObject(pixels, 1f);
            var people = 0;
            var walking = false;
            foreach (var walk in _walks)
            {
                if (walk.IsOn(seconds))
                {
                    walk.At(seconds, out var x, out var y);
                    AddBlob(pixels, x, y, _personSpread, _personContrast);
                    people += InView(x, y) ? 1 : 0;
                    walking |= InView(x, y);
                }
            }

            var seated = false;
            if (HasStillPerson && SitterAt(seconds, out var sx, out var sy, out var contrast, out seated))
            {
                AddBlob(pixels, sx, sy, _personSpread, contrast);
                people += InView(sx, sy) ? 1 : 0;
                walking |= !seated && InView(sx, sy);
            }

            Quantise(pixels);
            _loopPeople[i] = (byte)people;
            _loopSeatedOnly[i] = seated && people == 1;
            var reach = HasStillPerson && seconds >= ReachAt && seconds < ReachAt + (1f / FramesPerSecond);
            if ((walking || reach) && seconds - lastEdge >= PirBlindSeconds)
            {
                _loopMotion[i] = true;
                lastEdge = seconds;
            }
        }
    }

    private bool SitterAt(float seconds, out float x, out float y, out float contrast, out bool seated)
    {
        var seatX = 0.78f * (Width - 1);
        var seatY = 0.40f * Height;
        var edgeX = Width - 0.5f + (2.5f * _personSpread);
        contrast = _personContrast;
        seated = false;
        x = seatX;
        y = seatY;
        if (seconds < SitterEnters || seconds >= SitUntil + SitterWalkSeconds)
        {
            return false;
        }

        if (seconds < SitFrom)
        {
            x = edgeX + ((seatX - edgeX) * (seconds - SitterEnters) / SitterWalkSeconds);
            return true;
        }

        if (seconds >= SitUntil)
        {
            x = seatX + ((edgeX - seatX) * (seconds - SitUntil) / SitterWalkSeconds);
            return true;
        }

        // Sitting: a slight sway, and a moment turned away (less warm skin in view).
        seated = true;
        x = seatX + (0.05f * _scale * MathF.Sin(seconds * 0.7f));
        y = seatY + (0.04f * _scale * MathF.Sin(seconds * 0.45f));
        if (seconds >= FadeAt && seconds < FadeAt + FadeSeconds)
        {
            contrast *= 0.6f;
        }

        return true;
    }

    private bool InView(float x, float y) => x >= -0.5f && x < Width - 0.5f && y >= -0.5f && y < Height - 0.5f;

    private void RenderFloor(float[] pixels, float[] fixedPattern, float room, Random random)
    {
        for (var i = 0; i < pixels.Length; i++)
        {
            pixels[i] = room + fixedPattern[i] + (float)(Gaussian(random) * NoiseCelsius);
        }
    }

    private void RenderObject(float[] pixels, float warmth)
    {
        // A monitor on a desk in the lower left, clear of the walkers' paths.
        AddBlob(pixels, 0.12f * Width, Height - (0.9f * _scale), ObjectSpreadAt8 * _scale, ObjectContrastCelsius * warmth);
    }

    private void AddBlob(float[] pixels, float x, float y, float spread, float contrast)
    {
        var reach = 3.5f * spread;
        var c0 = Math.Max(0, (int)MathF.Floor(x - reach));
        var c1 = Math.Min(Width - 1, (int)MathF.Ceiling(x + reach));
        var r0 = Math.Max(0, (int)MathF.Floor(y - reach));
        var r1 = Math.Min(Height - 1, (int)MathF.Ceiling(y + reach));
        var twoSpread2 = 2f * spread * spread;
        for (var r = r0; r <= r1; r++)
        {
            for (var c = c0; c <= c1; c++)
            {
                var dx = c - x;
                var dy = r - y;
                pixels[(r * Width) + c] += contrast * MathF.Exp(-((dx * dx) + (dy * dy)) / twoSpread2);
            }
        }
    }

    private void Quantise(float[] pixels)
    {
        // The AMG8833 reports quarter degrees; the finer arrays (MLX9064x) report fractions.
        if (Width != 8 || Height != 8)
        {
            return;
        }

        for (var i = 0; i < pixels.Length; i++)
        {
            pixels[i] = MathF.Round(pixels[i] * 4f) / 4f;
        }
    }

    private static double Gaussian(Random random)
    {
        // Box-Muller: deterministic for the scene's seed.
        var u1 = 1.0 - random.NextDouble();
        var u2 = random.NextDouble();
        return Math.Sqrt(-2.0 * Math.Log(u1)) * Math.Cos(2.0 * Math.PI * u2);
    }

    /// <summary>One walk in a straight line at constant speed, in pixel coordinates (pixel centres at 0, 1, 2 ...).</summary>
    private readonly record struct Walk(float Start, float Seconds, float X0, float Y0, float X1, float Y1)
    {
        public bool IsOn(float seconds) => seconds >= Start && seconds <= Start + Seconds;

        public void At(float seconds, out float x, out float y)
        {
            var f = (seconds - Start) / Seconds;
            x = X0 + ((X1 - X0) * f);
            y = Y0 + ((Y1 - Y0) * f);
        }
    }
}
