using OccupancySensor.Hardware;

namespace OccupancySensor.HostSim.Simulation;

/// <summary>A BME280 at the interface the device adapter presents: room air with a little sensor noise.</summary>
public sealed class SimulatedBme280 : IAmbientSensor
{
    private readonly Random _random;

    public SimulatedBme280(int seed) => _random = new Random(seed);

    public float AirCelsius { get; set; } = 21f;

    public float HumidityPercent { get; set; } = 45f;

    public float PressureHectopascals { get; set; } = 1013f;

    public bool Vanished { get; set; }

    public BusStatus Read(out AmbientSample sample)
    {
        sample = default;
        if (Vanished)
        {
            return BusStatus.AddressNotAcknowledged;
        }

        sample.TemperatureCelsius = AirCelsius + (float)((_random.NextDouble() - 0.5) * 0.1);
        sample.HumidityPercent = HumidityPercent + (float)((_random.NextDouble() - 0.5) * 1.0);
        sample.PressureHectopascals = PressureHectopascals + (float)((_random.NextDouble() - 0.5) * 0.2);
        return BusStatus.Ok;
    }
}
