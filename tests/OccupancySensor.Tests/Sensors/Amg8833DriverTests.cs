using OccupancySensor.Hardware;
using OccupancySensor.HostSim.Simulation;
using OccupancySensor.Sensors;
using OccupancySensor.Sensors.Amg8833;

namespace OccupancySensor.Tests.Sensors;

public class Amg8833DriverTests
{
    [Fact]
    public void Initialize_wakes_the_chip_and_sets_the_frame_rate()
    {
        var chip = new SimulatedAmg8833();
        Assert.Equal(BusStatus.Ok, new Amg8833(chip, tenFramesPerSecond: false).Initialize());
        Assert.True(chip.Initialised);
        Assert.Equal(Amg8833Registers.OneFramePerSecond, chip.FrameRateRegister);

        new Amg8833(chip, tenFramesPerSecond: true).Initialize();
        Assert.Equal(Amg8833Registers.TenFramesPerSecond, chip.FrameRateRegister);
    }

    [Fact]
    public void Reads_the_scene_quantised_to_a_quarter_degree_including_below_zero()
    {
        var chip = new SimulatedAmg8833 { ThermistorCelsius = -3.5f };
        for (var i = 0; i < 64; i++)
        {
            chip.Scene[i] = -5f + (i * 0.37f);
        }

        var driver = new Amg8833(chip, true);
        driver.Initialize();
        var frame = new ThermalFrame(8, 8);
        Assert.Equal(BusStatus.Ok, driver.ReadFrame(frame, 1234));
        for (var i = 0; i < 64; i++)
        {
            Assert.Equal(MathF.Round(chip.Scene[i] * 4) / 4, frame.Pixels[i]);
        }

        Assert.Equal(-3.5f, frame.SensorTemperatureCelsius);
        Assert.Equal(1234, frame.TimestampMilliseconds);
    }

    [Fact]
    public void A_vanished_chip_is_reported_not_thrown()
    {
        var chip = new SimulatedAmg8833 { Vanished = true };
        var driver = new Amg8833(chip, true);
        Assert.Equal(BusStatus.AddressNotAcknowledged, driver.Initialize());
        Assert.Equal(BusStatus.AddressNotAcknowledged, driver.ReadFrame(new ThermalFrame(8, 8), 0));
    }

    [Fact]
    public void Implausible_pixels_mark_the_read_as_corrupt()
    {
        var chip = new SimulatedAmg8833();
        chip.Scene[10] = 300f; // clamps to the 12-bit maximum, 511.75 °C: no room is that hot
        var driver = new Amg8833(chip, true);
        driver.Initialize();
        Assert.Equal(BusStatus.PartialTransfer, driver.ReadFrame(new ThermalFrame(8, 8), 0));
    }

    [Fact]
    public void Reading_a_frame_allocates_nothing()
    {
        var chip = new SimulatedAmg8833();
        var driver = new Amg8833(chip, true);
        driver.Initialize();
        var frame = new ThermalFrame(8, 8);
        driver.ReadFrame(frame, 0);
        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < 1000; i++)
        {
            driver.ReadFrame(frame, i);
        }

        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
    }
}
