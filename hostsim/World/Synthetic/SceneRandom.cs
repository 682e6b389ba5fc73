namespace OccupancySensor.HostSim.World.Synthetic;

/// <summary>
/// Randomness that depends only on integers, never on call order, so any frame of a recording renders alone and
/// renders the same every time: a 64-bit mixing function (xor-shift / multiply rounds with good avalanche) applied to
/// (key, stream, a, b). Pixel noise is a hash of (recording key, frame, pixel); slow wobbles are smooth noise over
/// hashed lattice points.
/// </summary>
internal static class CounterNoise
{
    private const ulong Gamma = 0x9E3779B97F4A7C15UL;

    public static ulong Mix(ulong x)
    {
        x ^= x >> 30;
        x *= 0xBF58476D1CE4E5B9UL;
        x ^= x >> 27;
        x *= 0x94D049BB133111EBUL;
        x ^= x >> 31;
        return x;
    }

    public static ulong Hash(ulong key, int stream, long a, long b)
    {
        var h = Mix(key + (Gamma * (ulong)(uint)stream));
        h = Mix(h ^ ((ulong)a * Gamma));
        return Mix(h + (ulong)b);
    }

    /// <summary>A uniform number in (0, 1) from 32 bits, never exactly 0 or 1 (safe under a logarithm).</summary>
    public static double Unit(uint bits) => (bits + 0.5) * (1.0 / 4294967296.0);

    /// <summary>Two independent standard normal numbers from one 64-bit hash (Box-Muller on its two halves).</summary>
    public static (double First, double Second) GaussianPair(ulong bits)
    {
        var radius = Math.Sqrt(-2.0 * Math.Log(Unit((uint)(bits >> 32))));
        var angle = 2.0 * Math.PI * Unit((uint)bits);
        return (radius * Math.Cos(angle), radius * Math.Sin(angle));
    }

    /// <summary>
    /// Smooth noise in [-1, 1]: uniform values at the integers of <paramref name="x"/>, joined by smoothstep, so it
    /// wanders once per unit of x and has no jumps. Used for sub-pixel wobbles (x = seconds / time scale).
    /// </summary>
    public static double Smooth(ulong key, int stream, double x)
    {
        var cell = Math.Floor(x);
        var f = x - cell;
        var k = (long)cell;
        var v0 = (2.0 * Unit((uint)Hash(key, stream, k, 0))) - 1.0;
        var v1 = (2.0 * Unit((uint)Hash(key, stream, k + 1, 0))) - 1.0;
        var s = f * f * (3.0 - (2.0 * f));
        return v0 + ((v1 - v0) * s);
    }
}

/// <summary>The sequential generator a scene draws its script from (layout, people, timings) when it is built.</summary>
internal sealed class SceneRandom
{
    private ulong _state;

    public SceneRandom(int seed, string scene)
    {
        // The scene name goes into the state so two scenes with the same seed do not share their draws.
        _state = CounterNoise.Mix((ulong)(uint)seed);
        foreach (var ch in scene)
        {
            _state = CounterNoise.Mix(_state ^ ch);
        }
    }

    public ulong NextBits()
    {
        _state += 0x9E3779B97F4A7C15UL;
        return CounterNoise.Mix(_state);
    }

    public double NextDouble() => (NextBits() >> 11) * (1.0 / 9007199254740992.0);

    public double Uniform(double low, double high) => low + ((high - low) * NextDouble());

    public bool Chance(double probability) => NextDouble() < probability;

    /// <summary>An integer in [low, high], both ends included.</summary>
    public int Int(int low, int high) => low + (int)(NextDouble() * (high - low + 1));

    /// <summary>An exponentially distributed wait with this mean (the gaps of a Poisson process).</summary>
    public double Exponential(double mean) => -mean * Math.Log(1.0 - NextDouble());

    public double Sign() => Chance(0.5) ? 1 : -1;
}
