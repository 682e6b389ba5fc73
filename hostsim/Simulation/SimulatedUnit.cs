using OccupancySensor.Configuration;
using OccupancySensor.HostSim.World;
using OccupancySensor.Readings;
using OccupancySensor.Runtime;
using OccupancySensor.Uplink;

namespace OccupancySensor.HostSim.Simulation;

/// <summary>
/// One simulated sensor unit: the real portable firmware (configuration store, sampling loop, processing chain,
/// uplink publisher) wired to simulated parts, plus the truth of what happens in its view.
/// </summary>
public sealed class SimulatedUnit : IReadingSink
{
    private readonly UplinkPublisher _publisher;
    private readonly bool[] _reportedOccupied;
    private readonly Random _random;

    public SimulatedUnit(string configurationText, SimulatedClock clock, int seed, IReadOnlyList<Occupant> occupants, IReadOnlyList<FaultWindow> faults)
    {
        Clock = clock;
        Occupants = occupants;
        FaultWindows = faults;
        _random = new Random(seed);
        Scene = new ThermalScene(seed);
        Ambient = new SimulatedBme280(seed);

        // Boot as a device does: the configuration is read from flash, where a technician deployed it.
        Flash.Deploy(ConfigurationStore.FileName, configurationText);
        var store = new ConfigurationStore(Flash, Faults, clock);
        ConfigurationAccepted = store.Load();
        ConfigurationRejection = store.LastRejection;
        Configuration = store.Active;

        var hardware = new SensorHardware { Clock = clock, ThermalBus = Thermal, Pir = Pir, Ambient = Ambient };
        _publisher = new UplinkPublisher(Configuration, Link, clock, Faults, queueCapacity: 4096);
        Unit = new SensorUnit(Configuration, hardware, this, Faults);
        _reportedOccupied = new bool[Configuration.Zones.Length];
    }

    public SimulatedClock Clock { get; }

    public DeviceConfiguration Configuration { get; }

    public bool ConfigurationAccepted { get; }

    public string ConfigurationRejection { get; }

    public IReadOnlyList<Occupant> Occupants { get; }

    public IReadOnlyList<FaultWindow> FaultWindows { get; }

    public SimulatedAmg8833 Thermal { get; } = new();

    public SimulatedPir Pir { get; } = new();

    public SimulatedBme280 Ambient { get; }

    public ThermalScene Scene { get; }

    public InMemoryFileStore Flash { get; } = new();

    public SimulatedTransport Link { get; } = new();

    public FaultLog Faults { get; } = new();

    public SensorUnit Unit { get; }

    public UplinkPublisher Publisher => _publisher;

    public long NextWakeMilliseconds { get; set; }

    /// <summary>Minutes compared and minutes where the reported state matched the truth, per zone.</summary>
    public int[] MinutesCompared => _minutesCompared ??= new int[Configuration.Zones.Length];

    public int[] MinutesCorrect => _minutesCorrect ??= new int[Configuration.Zones.Length];

    private int[]? _minutesCompared;
    private int[]? _minutesCorrect;

    public bool IsReportedOccupied(int zone) => _reportedOccupied[zone];

    /// <summary>Whether anyone is truly in zone <paramref name="zone"/> at <paramref name="time"/>.</summary>
    public bool IsTrulyOccupied(int zone, TimeSpan time)
    {
        var z = Configuration.Zones[zone];
        foreach (var occupant in Occupants)
        {
            if (occupant.IsPresent(time) && (z.Width == 0 || z.Contains((int)occupant.Column, (int)occupant.Row)))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Moves the world on to <paramref name="time"/>: faults, the scene the chip sees, the PIR.</summary>
    public void UpdateWorld(TimeSpan time, float roomCelsius)
    {
        Thermal.Vanished = FaultWindows.Any(f => f.Part == "thermal" && f.IsActive(time));
        Ambient.Vanished = FaultWindows.Any(f => f.Part == "ambient" && f.IsActive(time));
        Link.NetworkUp = !FaultWindows.Any(f => f.Part == "network" && f.IsActive(time));
        Ambient.AirCelsius = roomCelsius;
        Scene.Render(roomCelsius, Occupants, time, Thermal.Scene);

        var now = Clock.NowMilliseconds;
        Pir.Update(now);
        foreach (var occupant in Occupants)
        {
            // Walking always triggers the PIR; a seated person fidgets enough to trigger it in about a third of
            // 30-second windows (measured on public recordings), checked here every 100 ms.
            if (occupant.IsWalking(time) || (occupant.IsPresent(time) && _random.NextDouble() < 0.0014 * occupant.People))
            {
                Pir.Trigger(now);
            }
        }
    }

    /// <summary>Runs the firmware's loop if it is due, and the uplink.</summary>
    public void RunFirmware()
    {
        var now = Clock.NowMilliseconds;
        if (now >= NextWakeMilliseconds)
        {
            NextWakeMilliseconds = now + Math.Max(1, Unit.Step());
        }

        _publisher.Step();
    }

    /// <summary>Compares reported presence with the truth, once a simulated minute.</summary>
    public void Score(TimeSpan time)
    {
        for (var z = 0; z < _reportedOccupied.Length; z++)
        {
            MinutesCompared[z]++;
            if (_reportedOccupied[z] == IsTrulyOccupied(z, time))
            {
                MinutesCorrect[z]++;
            }
        }
    }

    /// <summary>Readings from the firmware: tracked for scoring, then handed to the real uplink publisher.</summary>
    public void Accept(Reading reading)
    {
        if (reading.Kind == ReadingKind.PresenceChanged && reading.Zone >= 0 && reading.Zone < _reportedOccupied.Length)
        {
            _reportedOccupied[reading.Zone] = reading.ValueA != 0;
        }

        _publisher.Accept(reading);
    }
}
