using OccupancySensor.Hardware;
using OccupancySensor.Sensors.Amg8833;

namespace OccupancySensor.HostSim.Simulation;

/// <summary>
/// An AMG8833 as its I2C register bus shows it: the firmware's real driver talks to this chip model exactly as it
/// talks to the silicon. Pixel registers hold the scene quantised to 0.25 °C in 12-bit two's complement, the
/// thermistor register the sensor temperature in sign-magnitude. Faults can be injected: the chip can vanish
/// (no acknowledge, and it comes back in its power-on state) or return a corrupt transfer.
/// </summary>
public sealed class SimulatedAmg8833 : II2cRegisterBus
{
    private readonly byte[] _registers = new byte[256];

    /// <summary>The scene the chip sees, in °C, 64 pixels row-major; the owner writes it before each frame.</summary>
    public float[] Scene { get; } = new float[64];

    /// <summary>
    /// When set, called as the chip latches a frame to fill <see cref="Scene"/> for the moment being read, so a
    /// simulated world renders only the frames the firmware actually reads.
    /// </summary>
    public Action<float[]>? SceneSource { get; set; }

    /// <summary>While true the chip does not acknowledge its address.</summary>
    public bool Vanished { get; set; }

    /// <summary>Transfers that will come back short before the chip behaves again.</summary>
    public int CorruptTransfersPending { get; set; }

    /// <summary>Whether the firmware has put the chip in normal mode since it last lost power.</summary>
    public bool Initialised { get; private set; }

    /// <summary>Frame rate register as last written by the firmware.</summary>
    public byte FrameRateRegister => _registers[Amg8833Registers.FrameRate];

    public float ThermistorCelsius { get; set; } = 24f;

    public BusStatus WriteRegister(byte register, byte value)
    {
        if (Vanished)
        {
            Initialised = false;
            return BusStatus.AddressNotAcknowledged;
        }

        _registers[register] = value;
        if (register == Amg8833Registers.PowerControl && value == Amg8833Registers.NormalMode)
        {
            Initialised = true;
        }

        return BusStatus.Ok;
    }

    public BusStatus ReadRegisters(byte startRegister, byte[] buffer, int offset, int count)
    {
        if (Vanished)
        {
            Initialised = false;
            return BusStatus.AddressNotAcknowledged;
        }

        if (CorruptTransfersPending > 0)
        {
            CorruptTransfersPending--;
            return BusStatus.PartialTransfer;
        }

        if (!Initialised)
        {
            // A chip still in sleep mode after power-up answers with zeros: the firmware must initialise it.
            Array.Clear(buffer, offset, count);
            return BusStatus.Ok;
        }

        Latch();
        Array.Copy(_registers, startRegister, buffer, offset, Math.Min(count, 256 - startRegister));
        return BusStatus.Ok;
    }

    /// <summary>Writes the scene into the pixel and thermistor registers, as the chip does each frame.</summary>
    private void Latch()
    {
        SceneSource?.Invoke(Scene);
        for (var i = 0; i < 64; i++)
        {
            var raw = (int)Math.Round(Scene[i] / Amg8833Decoder.PixelResolution);
            raw = Math.Clamp(raw, -2048, 2047) & 0xFFF;
            _registers[Amg8833Registers.FirstPixel + (2 * i)] = (byte)(raw & 0xFF);
            _registers[Amg8833Registers.FirstPixel + (2 * i) + 1] = (byte)(raw >> 8);
        }

        var magnitude = Math.Min(0x7FF, (int)Math.Round(Math.Abs(ThermistorCelsius) / Amg8833Decoder.ThermistorResolution));
        _registers[Amg8833Registers.ThermistorLow] = (byte)(magnitude & 0xFF);
        _registers[Amg8833Registers.ThermistorLow + 1] = (byte)((magnitude >> 8) | (ThermistorCelsius < 0 ? 0x08 : 0));
    }
}
