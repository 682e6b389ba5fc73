using OccupancySensor.HostSim.World.Synthetic;

namespace OccupancySensor.HostSim.World.Floor;

/// <summary>
/// The floor as one unit sees it: renders what its thermal array reads at a time (air, the array's fixed pattern,
/// heat sources, people, temporal noise), says who is where in its pixel coordinates for the truth, and how much
/// motion its PIR has to see. Only the people and heat sources whose whereabouts ever come near the view are kept.
/// Rendering allocates nothing; noise is a hash of (unit, time, pixel), so a frame renders the same whenever it is
/// asked for.
/// </summary>
internal sealed class UnitView
{
    // The array's fixed-pattern offsets after its factory calibration, and the spot's own air offset.
    private const double FixedPatternCelsius = 0.3;
    private const double SpotAirCelsius = 0.3;

    // A person's shape seen from above, metres (Gaussian sigmas): a head, and shoulders and back; seated, the lap and
    // the chair widen the body along the desk's depth.
    private const double HeadSigma = 0.075;
    private const double StandingBodySigma = 0.14;
    private const double SeatedBodySigmaX = 0.15;
    private const double SeatedBodySigmaY = 0.18;

    // Seated, the top of a person is about half a metre lower than standing.
    private const double SeatedDrop = 0.5;

    // A person further than this (pixels) outside the view leaves nothing in it.
    private const double Cull = 4;

    private readonly Agent[] _agents;
    private readonly int[] _cursors;
    private readonly Located[] _where;
    private double _locatedAt = double.NaN;
    private readonly WorldHeat[] _heat;
    private readonly float[] _offsets = new float[64];
    private readonly double _spotAir;
    private readonly AmbientDay _ambient;
    private readonly ulong _noiseKey;
    private readonly float _noiseSigma;

    public UnitView(FloorWorld world, UnitSite site, ulong key)
    {
        Site = site;
        Projection = new UnitProjection(site.X, site.Y, site.CeilingM);
        var reach = Projection.HalfViewMetres(0) + 1.0;
        _agents = world.Agents.Where(a => a.MaxX >= site.X - reach && a.MinX <= site.X + reach && a.MaxY >= site.Y - reach && a.MinY <= site.Y + reach).ToArray();
        _cursors = new int[_agents.Length];
        _where = new Located[_agents.Length];
        _heat = world.Heat.Where(h => Projection.Overlaps(h.X0, h.Y0, h.X1, h.Y1, 0.5)).ToArray();
        _ambient = world.Ambient;
        _noiseKey = CounterNoise.Mix(key ^ 0x7E57UL);
        _noiseSigma = (float)world.Scenario.Layout.ThermalNoiseC;
        var random = new SceneRandom((int)(key & 0x7FFFFFFF), "unit view");
        for (var i = 0; i < _offsets.Length; i++)
        {
            _offsets[i] = (float)random.Uniform(-FixedPatternCelsius, FixedPatternCelsius);
        }

        _spotAir = random.Uniform(-SpotAirCelsius, SpotAirCelsius);
    }

    public UnitSite Site { get; }

    public UnitProjection Projection { get; }

    /// <summary>People whose day ever brings them near this view.</summary>
    public int AgentCount => _agents.Length;

    /// <summary>Air temperature at the unit's spot.</summary>
    public double AirAt(double t) => _ambient.AirAt(t) + _spotAir;

    /// <summary>What the array reads at <paramref name="t"/> before the chip quantises it, °C.</summary>
    public void Render(double t, float[] pixels)
    {
        var air = (float)AirAt(t);
        for (var i = 0; i < 64; i++)
        {
            pixels[i] = air + _offsets[i];
        }

        foreach (var heat in _heat)
        {
            heat.Draw(t, Projection, pixels);
        }

        for (var a = 0; a < _agents.Length; a++)
        {
            if (Where(a, t, out var u, out var v, out var seated, out _, out var metres) &&
                u > -Cull && u < UnitProjection.Side + Cull && v > -Cull && v < UnitProjection.Side + Cull)
            {
                var look = _agents[a].Look;
                var head = HeadSigma / metres;
                var bodyX = (StandingBodySigma + ((SeatedBodySigmaX - StandingBodySigma) * seated)) / metres;
                var bodyY = (StandingBodySigma + ((SeatedBodySigmaY - StandingBodySigma) * seated)) / metres;
                UnitProjection.AddBlob(pixels, u, v, bodyX, bodyY, look.BodyContrast);
                UnitProjection.AddBlob(pixels, u, v, head, head, look.HeadContrast);
            }
        }

        var tick = (long)Math.Round(t * 1000);
        for (var i = 0; i < 64; i += 2)
        {
            var (first, second) = CounterNoise.GaussianPair(CounterNoise.Hash(_noiseKey, 0x6E6F, tick, i));
            pixels[i] += (float)(_noiseSigma * first);
            pixels[i + 1] += (float)(_noiseSigma * second);
        }
    }

    /// <summary>
    /// Where person <paramref name="index"/> (of this view's people) is, in this array's pixel coordinates: the top of
    /// their head, projected from its height (standing or seated). False while they are out of the building.
    /// </summary>
    public bool Where(int index, double t, out double u, out double v, out double seated, out double speed, out double pixelMetres)
    {
        // The PIR, the door truth, the frame and the zone truth all ask about the same moment: everyone is located
        // once per moment.
        if (t != _locatedAt)
        {
            LocateEveryone(t);
        }

        var p = _where[index];
        (u, v, seated, speed, pixelMetres) = (p.U, p.V, p.Seated, p.Speed, p.PixelMetres);
        return p.Present;
    }

    private void LocateEveryone(double t)
    {
        _locatedAt = t;
        for (var a = 0; a < _agents.Length; a++)
        {
            var agent = _agents[a];
            if (!agent.Locate(t, ref _cursors[a], out var x, out var y, out var seated, out var speed))
            {
                _where[a] = default;
                continue;
            }

            var h = agent.Look.HeightM - (SeatedDrop * seated);
            var (u, v) = Projection.ToPixels(x, y, h);
            _where[a] = new Located(true, u, v, seated, speed, Projection.PixelMetres(h));
        }
    }

    /// <summary>Chance that the PIR fires in one 100 ms tick at <paramref name="t"/>: walkers almost surely, seated people by how much they fidget.</summary>
    public double PirChance(double t)
    {
        // A false trigger in about 0.3 % of empty 30-second windows (sensing.md): 1e-5 per tick.
        var quiet = 1 - 1e-5;
        for (var a = 0; a < _agents.Length; a++)
        {
            // The PIR's lens sees about the thermal array's view, a little wider.
            if (!Where(a, t, out var u, out var v, out var seated, out var speed, out _) || u < -1 || u > 9 || v < -1 || v > 9)
            {
                continue;
            }

            double chance;
            if (speed > 0.2)
            {
                chance = 0.5;
            }
            else if (seated >= 1)
            {
                chance = _agents[a].Fidget.PirChancePerTick;
            }
            else
            {
                // Sitting down, standing up, or standing and talking: plenty of motion.
                chance = seated > 0 ? 0.3 : 0.01;
            }

            quiet *= 1 - chance;
        }

        return 1 - quiet;
    }

    /// <summary>A person's place in this view at one moment.</summary>
    private readonly record struct Located(bool Present, double U, double V, double Seated, double Speed, double PixelMetres);
}
