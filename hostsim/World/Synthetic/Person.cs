namespace OccupancySensor.HostSim.World.Synthetic;

/// <summary>
/// How a person looks to the array from above: a soft ellipse (shoulders, torso, arms blurred together by the optics)
/// and optionally a rounder head on top, both centred on the person. <see cref="Peak"/> is what the hottest pixel reads,
/// in °C above the room, averaged over where the person stands relative to the pixel grid: contrasts are specified as
/// the sensor sees them, since a pixel averages the 30-34 °C skin and hair with the cooler clothing and floor around
/// it. Centred on a pixel the person reads a little more, centred on a pixel corner less (for a small blob up to 25 %
/// less), and a walking person's peak pulses between the two. <see cref="HeadShare"/> is the part of a pixel-centred
/// peak the head gives (lower under a hat or hood).
/// </summary>
internal readonly record struct PersonShape(double Peak, double SigmaX, double SigmaY, double HeadShare = 0, double HeadSigma = 0.5)
{
    // Sub-pixel positions per axis over which the peak is averaged.
    private const int Steps = 8;

    /// <summary>The shape with its surface amplitudes worked out, ready to draw.</summary>
    public PersonBlob ToBlob()
    {
        // Relative amplitudes from the head share (as seen centred on a pixel), then one scale so that the hottest
        // pixel, which is the one holding the centre, averages Peak over a grid of sub-pixel positions.
        var body = (1 - HeadShare) / (Footprint.CentredGaussianCell(SigmaX) * Footprint.CentredGaussianCell(SigmaY));
        var head = HeadShare / (Footprint.CentredGaussianCell(HeadSigma) * Footprint.CentredGaussianCell(HeadSigma));
        var sum = 0.0;
        for (var i = 0; i < Steps; i++)
        {
            var dx = (i + 0.5) / Steps;
            for (var j = 0; j < Steps; j++)
            {
                var dy = (j + 0.5) / Steps;
                sum += (body * Footprint.GaussianCell(0, dx, SigmaX) * Footprint.GaussianCell(0, dy, SigmaY)) +
                       (head * Footprint.GaussianCell(0, dx, HeadSigma) * Footprint.GaussianCell(0, dy, HeadSigma));
            }
        }

        var scale = Peak / (sum / (Steps * Steps));
        return new PersonBlob(SigmaX, SigmaY, body * scale, HeadSigma, head * scale);
    }
}

/// <summary>A person's shape as drawn: surface amplitudes (°C) of the body ellipse and of the head.</summary>
internal readonly record struct PersonBlob(double SigmaX, double SigmaY, double Body, double HeadSigma, double Head)
{
    public static PersonBlob Lerp(in PersonBlob a, in PersonBlob b, double f) => f <= 0 ? a : f >= 1 ? b : new(
        a.SigmaX + ((b.SigmaX - a.SigmaX) * f),
        a.SigmaY + ((b.SigmaY - a.SigmaY) * f),
        a.Body + ((b.Body - a.Body) * f),
        a.HeadSigma + ((b.HeadSigma - a.HeadSigma) * f),
        a.Head + ((b.Head - a.Head) * f));

    public void Draw(Span<float> pixels, int width, int height, double x, double y)
    {
        Footprint.AddGaussian(pixels, width, height, x, y, SigmaX, SigmaY, Body);
        if (Head > 0)
        {
            Footprint.AddGaussian(pixels, width, height, x, y, HeadSigma, HeadSigma, Head);
        }
    }
}

/// <summary>
/// One stretch of a person's path: from (X0, Y0) at T0 to (X1, Y1) at T1 (equal points: standing or sitting still).
/// <see cref="Ease"/> bends the timing (speed goes from 1 - Ease to 1 + Ease times the mean: positive accelerates,
/// negative slows down to a stop), <see cref="Bow"/> bends the line sideways by that many pixels at its middle.
/// Posture goes from <see cref="Posture0"/> to <see cref="Posture1"/>: 0 walking, 1 settled (seated or standing
/// still), which picks the shape and whether the person wobbles.
/// </summary>
internal readonly record struct Leg(double T0, double T1, double X0, double Y0, double X1, double Y1, double Posture0, double Posture1, double Ease = 0, double Bow = 0)
{
    public static Leg Still(double t0, double t1, double x, double y) => new(t0, t1, x, y, x, y, 1, 1);

    public (double X, double Y, double Posture) At(double t)
    {
        var u = T1 > T0 ? Math.Clamp((t - T0) / (T1 - T0), 0, 1) : 1;
        var s = u + (Ease * u * (u - 1));

        // Written as a weighted sum so both ends are exact: a path that starts on the view's edge starts exactly there.
        var x = (X0 * (1 - s)) + (X1 * s);
        var y = (Y0 * (1 - s)) + (Y1 * s);
        if (Bow != 0)
        {
            var dx = X1 - X0;
            var dy = Y1 - Y0;
            var length = Math.Sqrt((dx * dx) + (dy * dy));
            if (length > 0)
            {
                var side = Bow * 4 * s * (1 - s);
                x -= dy / length * side;
                y += dx / length * side;
            }
        }

        return (x, y, Posture0 + ((Posture1 - Posture0) * u));
    }
}

/// <summary>An arm reaching out (to the keyboard, a mug, a phone) for a few seconds: a narrow warm streak beside the body.</summary>
internal readonly record struct ArmMove(double T0, double T1, int Dx, int Dy);

/// <summary>One person in a scene: a path of legs, a walking and a settled shape, a sub-pixel wobble while settled, arm moves.</summary>
internal sealed class Actor
{
    // An arm seen from above: a sleeve about one pixel wide (sigma 0.35 px) and two long, reaching 1.3 px from the
    // body's centre; a forearm in a sleeve reads about +1.2 °C. It swings in and out over half a second.
    private const double ArmReach = 1.3;
    private const double ArmSigmaAlong = 0.7;
    private const double ArmSigmaAcross = 0.35;
    private const double ArmPeak = 1.2;
    private const double ArmRampSeconds = 0.5;

    private readonly Leg[] _legs;
    private readonly PersonBlob _moving;
    private readonly PersonBlob _settled;
    private readonly double _wobblePixels;
    private readonly double _wobbleSeconds;
    private readonly ulong _key;
    private readonly ArmMove[] _arms;

    public Actor(IReadOnlyList<Leg> legs, PersonShape moving, PersonShape settled, ulong key, double wobblePixels = 0, double wobbleSeconds = 20, IReadOnlyList<ArmMove>? arms = null)
    {
        if (legs.Count == 0)
        {
            throw new ArgumentException("a person needs at least one leg", nameof(legs));
        }

        _legs = legs.ToArray();
        _moving = moving.ToBlob();
        _settled = settled == moving ? _moving : settled.ToBlob();
        _key = key;
        _wobblePixels = wobblePixels;
        _wobbleSeconds = wobbleSeconds;
        _arms = arms?.ToArray() ?? Array.Empty<ArmMove>();
    }

    public double Start => _legs[0].T0;

    public double End => _legs[^1].T1;

    public bool IsActive(double t) => t >= Start && t <= End;

    /// <summary>The person's centre at <paramref name="t"/>, with the wobble: what the truth and the picture both use.</summary>
    public (double X, double Y) Centre(double t)
    {
        var (x, y, posture) = LegAt(t).At(t);
        if (_wobblePixels > 0 && posture > 0)
        {
            // Two time scales: a slow drift (shifting in the chair) and a faster, smaller sway.
            var slow = t / _wobbleSeconds;
            var fast = t * 6 / _wobbleSeconds;
            var amplitude = _wobblePixels * posture;
            x += amplitude * ((0.7 * CounterNoise.Smooth(_key, 1, slow)) + (0.3 * CounterNoise.Smooth(_key, 2, fast)));
            y += amplitude * ((0.7 * CounterNoise.Smooth(_key, 3, slow)) + (0.3 * CounterNoise.Smooth(_key, 4, fast)));
        }

        return (x, y);
    }

    public void Draw(double t, Span<float> pixels, int width, int height)
    {
        var (x, y) = Centre(t);
        var posture = LegAt(t).At(t).Posture;
        PersonBlob.Lerp(_moving, _settled, posture).Draw(pixels, width, height, x, y);

        var arm = ArmAt(t);
        if (arm is { } move)
        {
            var envelope = Math.Min(1, Math.Min(t - move.T0, move.T1 - t) / ArmRampSeconds);
            var sigmaX = move.Dx != 0 ? ArmSigmaAlong : ArmSigmaAcross;
            var sigmaY = move.Dy != 0 ? ArmSigmaAlong : ArmSigmaAcross;
            var amplitude = envelope * ArmPeak / (Footprint.CentredGaussianCell(sigmaX) * Footprint.CentredGaussianCell(sigmaY));
            Footprint.AddGaussian(pixels, width, height, x + (move.Dx * ArmReach), y + (move.Dy * ArmReach), sigmaX, sigmaY, amplitude);
        }
    }

    private Leg LegAt(double t)
    {
        // The last leg starting at or before t (binary search: a long recording may have thousands of legs).
        int low = 0, high = _legs.Length - 1;
        while (low < high)
        {
            var mid = (low + high + 1) / 2;
            if (_legs[mid].T0 <= t)
            {
                low = mid;
            }
            else
            {
                high = mid - 1;
            }
        }

        return _legs[low];
    }

    private ArmMove? ArmAt(double t)
    {
        int low = 0, high = _arms.Length - 1, found = -1;
        while (low <= high)
        {
            var mid = (low + high) / 2;
            if (_arms[mid].T0 <= t)
            {
                found = mid;
                low = mid + 1;
            }
            else
            {
                high = mid - 1;
            }
        }

        return found >= 0 && t < _arms[found].T1 ? _arms[found] : null;
    }
}
