using OccupancySensor.Configuration;
using OccupancySensor.Hardware;
using OccupancySensor.HostSim.Network.Lora;
using OccupancySensor.HostSim.Record;
using OccupancySensor.HostSim.Scoring;
using OccupancySensor.HostSim.World.Floor;
using OccupancySensor.HostSim.World.Synthetic;
using OccupancySensor.Lorawan.Airtime;
using OccupancySensor.Lorawan.Device;
using OccupancySensor.Lorawan.Regions;
using OccupancySensor.Lorawan.Uplink;
using OccupancySensor.Readings;
using OccupancySensor.Runtime;
using OccupancySensor.Storage;
using OccupancySensor.Uplink;

namespace OccupancySensor.HostSim.Simulation;

/// <summary>
/// One sensor unit on the simulated floor: the real portable firmware (configuration store, sampling loop, processing
/// chain, uplink publisher) booted from its configuration file on simulated flash, wired to simulated parts (an
/// AMG8833 register model that renders the unit's view of the floor when the driver reads it, an HC-SR501, a BME280,
/// a network that fails when the scenario says), with its own clock, and the truth and the scores kept beside it.
/// A unit never touches another unit's state, so units run in parallel and each gives the same result on any thread.
/// </summary>
public sealed class FloorUnit : IReadingSink
{
    public const int TickMilliseconds = 100;

    private readonly FloorWorld _world;
    private readonly UnitView _view;
    private readonly UnitTruth _truth;
    private readonly FaultPlan[] _faults;
    private readonly Random _pirRandom;
    private readonly UnitCapture? _capture;
    private long _renderedAt = -1;
    private bool _networkDown;

    // How long the LoRaWAN uplink may go on after the day to deliver the backlog (simulated time).
    private const long LoraDrainMilliseconds = 4 * 3_600_000;

    public FloorUnit(FloorWorld world, UnitSite site, CaptureRecorder? recorder = null, Func<FloorUnit, IUplinkTransport>? link = null,
                     LoraNetwork? lora = null)
    {
        _world = world;
        Site = site;
        var key = CounterNoise.Hash((ulong)(uint)world.Seed, 0x5173, site.Number, 0);
        _view = new UnitView(world, site, key);
        _pirRandom = new Random((int)(key & 0x7FFFFFFF));
        _faults = world.Faults.Where(f => f.Site == site.Number).ToArray();
        Clock = new SimulatedClock((long)(world.Start * 1000));
        Ambient = new SimulatedBme280((int)((key >> 32) & 0x7FFFFFFF));

        // Boot as a device does: the configuration is read from flash, where the technician deployed it.
        Flash.Deploy(ConfigurationStore.FileName, site.ConfigurationText);
        var store = new ConfigurationStore(Flash, Faults, Clock);
        if (!store.Load())
        {
            throw new InvalidOperationException($"{site.DeviceId}: the generated configuration was rejected:\n{store.LastRejection}");
        }

        Configuration = store.Active;
        Thermal.SceneSource = RenderFrame;
        var hardware = new SensorHardware { Clock = Clock, ThermalBus = Thermal, Pir = Pir, Ambient = Ambient };
        Link = link?.Invoke(this) ?? new SimulatedTransport();
        Log = ReadingLog.OpenFor(Configuration, Flash, Clock, Faults);
        Publisher = new UplinkPublisher(Configuration, Link, Clock, Faults, Log);
        Unit = new SensorUnit(Configuration, hardware, this, Faults);
        Commands = new CommandProcessor(Unit, Publisher, store);
        Publisher.Commands = Commands;
        if (lora is not null)
        {
            // The unit talks LoRaWAN instead (simulate --lora-capture): the same flash log, the LoRaWAN publisher, a
            // Class A device on the shared channel, joining by OTAA with keys the network server was given.
            Radio = lora.Attach(LoraDeviceKeys.For(site.DeviceId, site.Number, world.Seed), Clock);
            LoraDevice = new ClassADevice(new Eu868Region(), Radio, new LorawanStateStore(Flash), LoraChip.Sx127x,
                                          Radio.Keys.DevEui, Radio.Keys.JoinEui, Radio.Keys.AppKey, (int)(key & 0x7FFFFFFF));
            LoraPublisher = new LorawanUplinkPublisher(LoraDevice, Log, Faults) { Commands = Commands };
            LoraDevice.Join();
        }

        _truth = new UnitTruth(_view, Configuration.Zones, site.Kind == SiteKind.Door);
        Zones = Configuration.Zones
            .Select(z => new ZoneScore(site.DeviceId, z.Id, ZoneAssetType(z), site.Kind != SiteKind.Door, Configuration.VacantHoldSeconds))
            .ToArray();
        _capture = recorder?.Open(this);
    }

    public UnitSite Site { get; }

    public SimulatedClock Clock { get; }

    public DeviceConfiguration Configuration { get; }

    public SimulatedAmg8833 Thermal { get; } = new();

    public SimulatedPir Pir { get; } = new();

    public SimulatedBme280 Ambient { get; }

    public InMemoryFileStore Flash { get; } = new();

    /// <summary>The unit's network link: simulated, or a real MQTT connection (simulate --mqtt).</summary>
    public IUplinkTransport Link { get; }

    /// <summary>The reading log on the unit's simulated flash.</summary>
    public ReadingLog Log { get; }

    /// <summary>The unit's command handling.</summary>
    public CommandProcessor Commands { get; }

    public FaultLog Faults { get; } = new();

    public SensorUnit Unit { get; }

    public UplinkPublisher Publisher { get; }

    /// <summary>With --lora-capture: the unit's LoRa radio on the shared channel, its end device and publisher.</summary>
    public ChannelRadio? Radio { get; }

    public ClassADevice? LoraDevice { get; }

    public LorawanUplinkPublisher? LoraPublisher { get; }

    /// <summary>Readings delivered by whichever uplink the unit uses (released from the log).</summary>
    public int Delivered => LoraPublisher?.Delivered ?? Publisher.Delivered;

    /// <summary>Undelivered readings lost (pushed out of a full log).</summary>
    public long Dropped => LoraPublisher?.Dropped ?? Publisher.Dropped;

    /// <summary>Readings still waiting to be delivered.</summary>
    public int Pending => LoraPublisher?.Pending ?? Publisher.Pending;

    /// <summary>Hears every reading the firmware produced, with the sequence number the log gave it.</summary>
    public Action<Reading>? Produced { get; set; }

    public IReadOnlyList<ZoneScore> Zones { get; }

    /// <summary>Periodic people counts compared with the truth, their summed absolute error, and how many were above it.</summary>
    public int CountSamples { get; private set; }

    public long CountAbsoluteError { get; private set; }

    public int CountsAboveTruth { get; private set; }

    public double CountMae => CountSamples == 0 ? 0 : (double)CountAbsoluteError / CountSamples;

    public int TruthIn => _truth.In;

    public int TruthOut => _truth.Out;

    public int ReportedIn { get; private set; }

    public int ReportedOut { get; private set; }

    public IReadOnlyList<(double Seconds, bool In)> TruthCrossings => _truth.Crossings;

    internal UnitTruth Truth => _truth;

    internal UnitView View => _view;

    /// <summary>
    /// Runs the whole day; <paramref name="advanced"/> hears of the simulated seconds done, a minute at a time. With
    /// <paramref name="pacing"/> (a real broker), simulated time is held to the wall clock and the uplink keeps running
    /// after the day until the backlog is delivered.
    /// </summary>
    public void Run(Action<int>? advanced = null, RealTimePacing? pacing = null)
    {
        var start = Clock.NowMilliseconds;
        var end = (long)(_world.End * 1000);
        var nextWake = Clock.NowMilliseconds;
        var nextSecond = Clock.NowMilliseconds;
        var seconds = 0;
        while (Clock.NowMilliseconds < end)
        {
            var now = Clock.NowMilliseconds;
            var t = now / 1000.0;
            ApplyFaults(t);
            Ambient.AirCelsius = (float)_view.AirAt(t);

            Pir.Update(now);
            if (_pirRandom.NextDouble() < _view.PirChance(t))
            {
                Pir.Trigger(now);
            }

            if (now >= nextWake)
            {
                nextWake = now + Math.Max(1, Unit.Step());
            }

            StepUplink(now);
            if (_truth.CountsDoor)
            {
                _truth.TrackDoor(t);
            }

            if (now >= nextSecond)
            {
                nextSecond += 1000;
                _truth.Update(t);
                for (var z = 0; z < Zones.Count; z++)
                {
                    Zones[z].Tick(t, _truth.PeopleIn(z) > 0);
                }

                if (++seconds % 60 == 0)
                {
                    advanced?.Invoke(60);
                }

                pacing?.WaitFor((now - start) / 1000.0);
            }

            Clock.Advance(TickMilliseconds);
        }

        advanced?.Invoke(seconds % 60);
        _capture?.Close();
        if (LoraPublisher is not null)
        {
            DrainLora();
        }

        if (pacing is not null)
        {
            Drain(pacing, start);
        }
    }

    // The sensors have stopped; the uplink goes on (in simulated time, still paced) until everything stored was
    // delivered and any command answered, or the real-time limit passes.
    private void Drain(RealTimePacing pacing, long start)
    {
        var limit = pacing.Elapsed + pacing.DrainLimit;
        var ticks = 0;
        while ((Publisher.Pending > 0 || Publisher.ResponsePending) && pacing.Elapsed < limit)
        {
            Publisher.Step();
            Clock.Advance(TickMilliseconds);
            if (++ticks % 10 == 0)
            {
                pacing.WaitFor((Clock.NowMilliseconds - start) / 1000.0);
            }
        }
    }

    private void StepUplink(long now)
    {
        if (LoraPublisher is null)
        {
            Publisher.Step();
            return;
        }

        Radio!.InCoverage = !_networkDown;
        LoraPublisher.Step(now);
    }

    // The sensors have stopped; the LoRaWAN uplink goes on in simulated time until the backlog is delivered (the duty
    // cycle may have held readings back) or the drain limit passes.
    private void DrainLora()
    {
        var limit = Clock.NowMilliseconds + LoraDrainMilliseconds;
        while ((LoraPublisher!.Pending > 0 || LoraPublisher.AnswerWaiting || LoraDevice!.HasPendingUplink) && Clock.NowMilliseconds < limit)
        {
            var due = LoraPublisher.Step(Clock.NowMilliseconds);
            var next = Math.Min(due, Clock.NowMilliseconds + 60_000);
            Clock.AdvanceTo(Math.Max(next, Clock.NowMilliseconds + 1));
        }
    }

    /// <summary>Readings from the firmware: scored, then handed to the real uplink publisher.</summary>
    public void Accept(Reading reading)
    {
        switch (reading.Kind)
        {
            case ReadingKind.PresenceChanged when reading.Zone >= 0 && reading.Zone < Zones.Count:
                Zones[reading.Zone].Reported(reading.ValueA != 0);
                break;
            case ReadingKind.PeriodicCount:
                _truth.Update(reading.TimestampMilliseconds / 1000.0);
                var truth = reading.Zone >= 0 ? _truth.PeopleIn(reading.Zone) : _truth.AreaPeople;
                CountSamples++;
                CountAbsoluteError += Math.Abs(reading.ValueA - truth);
                if (reading.ValueA > truth)
                {
                    CountsAboveTruth++;
                }

                break;
            case ReadingKind.InOutTotals:
                ReportedIn = reading.ValueA;
                ReportedOut = reading.ValueB;
                break;
        }

        var sequence = Log.NextSequence;
        if (LoraPublisher is not null)
        {
            LoraPublisher.Accept(reading);
        }
        else
        {
            Publisher.Accept(reading);
        }

        if (Produced is not null)
        {
            reading.Sequence = sequence;
            Produced(reading);
        }
    }

    private void RenderFrame(float[] scene)
    {
        // The driver reads the pixels and then the thermistor of the same frame: render once per moment.
        var now = Clock.NowMilliseconds;
        if (now == _renderedAt)
        {
            return;
        }

        _renderedAt = now;
        var t = now / 1000.0;
        _view.Render(t, scene);
        Thermal.ThermistorCelsius = (float)_view.AirAt(t) + 2f;
        _capture?.Frame(t, scene);
    }

    private void ApplyFaults(double t)
    {
        bool thermal = false, ambient = false, network = false;
        foreach (var fault in _faults)
        {
            if (fault.IsActive(t))
            {
                thermal |= fault.Part == "thermal";
                ambient |= fault.Part == "ambient";
                network |= fault.Part == "network";
            }
        }

        Thermal.Vanished = thermal;
        Ambient.Vanished = ambient;
        _networkDown = network;
        if (Link is SimulatedTransport simulated)
        {
            // A real broker's outages are real (simulate --mqtt): the scenario's network faults apply to the simulated link.
            simulated.NetworkUp = !network;
        }
    }

    private string ZoneAssetType(ZoneConfiguration zone) =>
        string.IsNullOrEmpty(zone.AssetType) || zone.AssetType == "area" ? Configuration.AssetType : zone.AssetType;
}
