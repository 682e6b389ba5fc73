using OccupancySensor.Hardware;

namespace OccupancySensor.Tests.Radios;

/// <summary>
/// An SX1276 behind an SPI bus, written from the datasheet (register map, FIFO, RegOpMode and RegIrqFlags behaviour):
/// the driver under test sees a register model that answers reads, keeps the FIFO and its pointer, ends a
/// transmission after <see cref="TransmitMilliseconds"/> with TxDone, and ends an RX single with the scripted outcome.
/// It records every frame, and notes datasheet rule violations instead of throwing (the tests assert there are none).
/// </summary>
internal sealed class Sx1276Model : ISpiBus
{
    private readonly ManualClock _clock;
    private long _transmitEndsAt = long.MaxValue;
    private long _receiveEndsAt = long.MaxValue;
    private int _frames;

    public Sx1276Model(ManualClock clock)
    {
        _clock = clock;
        Registers[0x01] = 0x09; // RegOpMode after reset: FSK, standby, low-frequency bit set
        Registers[0x42] = 0x12;
        Registers[0x33] = 0x27;
        Registers[0x3B] = 0x1D;
        Registers[0x39] = 0x12;
        Registers[0x36] = 0x03;
    }

    public byte[] Registers { get; } = new byte[128];

    public byte[] Fifo { get; } = new byte[256];

    public List<SpiFrame> Frames { get; } = new();

    public List<string> Violations { get; } = new();

    /// <summary>Record frames (off for the allocation test: recording allocates).</summary>
    public bool Record { get; set; } = true;

    /// <summary>0-based frame number that fails with a bus error, or -1.</summary>
    public int FailFrame { get; set; } = -1;

    /// <summary>How long TX takes from the write of mode TX to TxDone; long.MaxValue = never.</summary>
    public long TransmitMilliseconds { get; set; } = 50;

    /// <summary>The packet the next RX single receives, or null for a timeout.</summary>
    public byte[]? NextPacket { get; set; }

    public bool NextPacketCrcError { get; set; }

    public byte NextPacketSnr { get; set; } = 0x28;

    /// <summary>When a packet's RxDone comes after RX single starts; a timeout comes after the symbol timeout.</summary>
    public long ReceiveMilliseconds { get; set; } = 30;

    public bool NeverEndReceive { get; set; }

    /// <summary>The times RegOpMode was written, with the value.</summary>
    public List<(long At, byte Value)> ModeWrites { get; } = new();

    public int FrameCount => _frames;

    public BusStatus Write(byte[] buffer, int offset, int count)
    {
        if (Fails(buffer, offset, count, false))
        {
            return BusStatus.UnknownError;
        }

        byte address = buffer[offset];
        if ((address & 0x80) == 0)
        {
            Violations.Add("write frame without the write bit");
            return BusStatus.Ok;
        }

        address &= 0x7F;
        if (address == 0x00 && (Registers[0x01] & 0x07) == 0)
        {
            Violations.Add("FIFO written in sleep mode");
        }

        for (int i = 1; i < count; i++)
        {
            if (address == 0x00)
            {
                Fifo[Registers[0x0D]] = buffer[offset + i];
                Registers[0x0D]++;
            }
            else
            {
                WriteRegister(address, buffer[offset + i]);
                address++;
            }
        }

        return BusStatus.Ok;
    }

    public BusStatus Exchange(byte[] writeBuffer, byte[] readBuffer, int count)
    {
        if (Fails(writeBuffer, 0, count, true))
        {
            return BusStatus.UnknownError;
        }

        byte address = writeBuffer[0];
        if ((address & 0x80) != 0)
        {
            Violations.Add("read frame with the write bit");
        }

        Advance();
        readBuffer[0] = 0;
        for (int i = 1; i < count; i++)
        {
            if (address == 0x00)
            {
                readBuffer[i] = Fifo[Registers[0x0D]];
                Registers[0x0D]++;
            }
            else
            {
                readBuffer[i] = Registers[address];
                address++;
            }
        }

        return BusStatus.Ok;
    }

    private bool Fails(byte[] buffer, int offset, int count, bool exchange)
    {
        int number = _frames++;
        if (Record)
        {
            Frames.Add(new SpiFrame(buffer.AsSpan(offset, count).ToArray(), exchange, _clock.NowMilliseconds));
        }

        return number == FailFrame;
    }

    private void WriteRegister(byte address, byte value)
    {
        switch (address)
        {
            case 0x01:
                WriteOpMode(value);
                return;
            case 0x12:
                Registers[0x12] = (byte)(Registers[0x12] & ~value); // write 1 to clear
                return;
            case 0x42:
                Violations.Add("write to RegVersion");
                return;
        }

        Registers[address] = value;
    }

    private void WriteOpMode(byte value)
    {
        byte old = Registers[0x01];
        if (Record)
        {
            ModeWrites.Add((_clock.NowMilliseconds, value));
        }

        // Table 41: LongRangeMode "can be modified only in Sleep mode"; a write in another mode leaves it unchanged.
        if (((old ^ value) & 0x80) != 0 && (old & 0x07) != 0)
        {
            Violations.Add("LongRangeMode changed outside sleep");
            value = (byte)((value & 0x7F) | (old & 0x80));
        }

        Registers[0x01] = value;
        int mode = value & 0x07;
        if (mode == 0x03)
        {
            if ((value & 0x80) == 0)
            {
                Violations.Add("TX in FSK mode");
            }

            _transmitEndsAt = TransmitMilliseconds == long.MaxValue ? long.MaxValue : _clock.NowMilliseconds + TransmitMilliseconds;
        }
        else if (mode == 0x06)
        {
            int symbols = ((Registers[0x1E] & 0x03) << 8) | Registers[0x1F];
            int sf = Registers[0x1E] >> 4;
            int bw = (Registers[0x1D] >> 4) switch { 7 => 125000, 8 => 250000, _ => 500000 };
            long timeout = (symbols * (1L << sf) * 1000 / bw) + 1;
            _receiveEndsAt = NeverEndReceive ? long.MaxValue : _clock.NowMilliseconds + (NextPacket != null ? ReceiveMilliseconds : timeout);
        }
        else
        {
            _transmitEndsAt = long.MaxValue;
            _receiveEndsAt = long.MaxValue;
        }
    }

    // Time-driven events, evaluated when the driver reads a register.
    private void Advance()
    {
        long now = _clock.NowMilliseconds;
        if (now >= _transmitEndsAt)
        {
            _transmitEndsAt = long.MaxValue;
            Registers[0x12] |= 0x08;
            Registers[0x01] = (byte)((Registers[0x01] & 0xF8) | 0x01); // back to standby on TxDone
        }

        if (now >= _receiveEndsAt)
        {
            _receiveEndsAt = long.MaxValue;
            Registers[0x01] = (byte)((Registers[0x01] & 0xF8) | 0x01);
            if (NextPacket == null)
            {
                Registers[0x12] |= 0x80;
                return;
            }

            // The modem writes the packet at the RX base address and reports where it starts.
            byte start = Registers[0x0F];
            for (int i = 0; i < NextPacket.Length; i++)
            {
                Fifo[(byte)(start + i)] = NextPacket[i];
            }

            Registers[0x10] = start;
            Registers[0x13] = (byte)NextPacket.Length;
            Registers[0x19] = NextPacketSnr;
            Registers[0x12] |= (byte)(0x40 | (NextPacketCrcError ? 0x20 : 0));
        }
    }
}
