using OccupancySensor.Hardware;

namespace OccupancySensor.Tests.Radios;

/// <summary>
/// An SX1262 behind an SPI bus and its BUSY line, written from the datasheet's command interface: BUSY goes high after
/// every frame for <see cref="BusyReadsAfterCommand"/> reads of the pin, and stays high while the chip sleeps until a
/// falling NSS (any frame) wakes it. A frame sent while BUSY is high is a violation (the chip would drop it). The model
/// keeps registers, the data buffer and the IRQ register, ends a transmission after <see cref="TransmitMilliseconds"/>
/// and a reception with the scripted outcome.
/// </summary>
internal sealed class Sx1262Model : ISpiBus, IDigitalInput
{
    private readonly ManualClock _clock;
    private int _busyReads;
    private bool _asleep;
    private int _frames;
    private long _transmitEndsAt = long.MaxValue;
    private long _receiveEndsAt = long.MaxValue;

    public Sx1262Model(ManualClock clock)
    {
        _clock = clock;
        Registers[0x0740] = 0x14;
        Registers[0x0741] = 0x24;
        Registers[0x0736] = 0x0D;
        Registers[0x0889] = 0x04;
        Registers[0x08D8] = 0xC8;
    }

    public event DigitalEdgeHandler? EdgeDetected;

    public Dictionary<int, byte> Registers { get; } = new();

    public byte[] Buffer { get; } = new byte[256];

    public int Irq { get; private set; }

    public List<SpiFrame> Frames { get; } = new();

    public List<string> Violations { get; } = new();

    public bool Record { get; set; } = true;

    public int FailFrame { get; set; } = -1;

    public int BusyReadsAfterCommand { get; set; } = 3;

    /// <summary>BUSY never falls (a hung or unpowered chip with the line pulled up).</summary>
    public bool BusyStuck { get; set; }

    public long TransmitMilliseconds { get; set; } = 50;

    public byte[]? NextPacket { get; set; }

    public bool NextPacketCrcError { get; set; }

    public byte NextPacketSnr { get; set; } = 0x28;

    public long ReceiveMilliseconds { get; set; } = 30;

    public byte RxBufferStart { get; set; } = 0x80;

    public int FrameCount => _frames;

    public bool Asleep => _asleep;

    /// <summary>Frames that were commands (not the wake frame), as hex strings, for sequence assertions.</summary>
    public List<string> Commands { get; } = new();

    public bool Read()
    {
        if (BusyStuck || _asleep)
        {
            return true;
        }

        if (_busyReads > 0)
        {
            _busyReads--;
            return true;
        }

        return false;
    }

    public BusStatus Write(byte[] buffer, int offset, int count) => Frame(buffer, offset, count, null);

    public BusStatus Exchange(byte[] writeBuffer, byte[] readBuffer, int count) => Frame(writeBuffer, 0, count, readBuffer);

    private BusStatus Frame(byte[] data, int offset, int count, byte[]? answer)
    {
        int number = _frames++;
        if (Record)
        {
            Frames.Add(new SpiFrame(data.AsSpan(offset, count).ToArray(), answer != null, _clock.NowMilliseconds));
        }

        if (number == FailFrame)
        {
            return BusStatus.UnknownError;
        }

        if (_asleep)
        {
            // The falling NSS wakes the chip; the frame itself is not executed. BUSY stays high while it starts.
            _asleep = false;
            _busyReads = BusyReadsAfterCommand;
            return BusStatus.Ok;
        }

        if (_busyReads > 0 || BusyStuck)
        {
            Violations.Add("frame " + Convert.ToHexString(data, offset, count) + " sent while BUSY was high");
        }

        if (Record)
        {
            Commands.Add(Convert.ToHexString(data, offset, count));
        }

        Advance();
        Execute(data, offset, count, answer);
        _busyReads = BusyReadsAfterCommand;
        return BusStatus.Ok;
    }

    private void Execute(byte[] d, int o, int count, byte[]? answer)
    {
        byte opcode = d[o];
        if (answer != null)
        {
            Array.Clear(answer, 0, count);
            answer[0] = 0x22; // status: STDBY_RC
            if (count > 1)
            {
                answer[1] = 0x22;
            }
        }

        switch (opcode)
        {
            case 0x84: // SetSleep
                _asleep = true;
                return;
            case 0x0D: // WriteRegister
                for (int i = 3; i < count; i++)
                {
                    Registers[((d[o + 1] << 8) | d[o + 2]) + i - 3] = d[o + i];
                }

                return;
            case 0x1D: // ReadRegister: status on byte 3, data from byte 4
                for (int i = 4; i < count; i++)
                {
                    answer![i] = Registers.GetValueOrDefault(((d[o + 1] << 8) | d[o + 2]) + i - 4);
                }

                return;
            case 0x0E: // WriteBuffer
                for (int i = 2; i < count; i++)
                {
                    Buffer[(byte)(d[o + 1] + i - 2)] = d[o + i];
                }

                return;
            case 0x1E: // ReadBuffer: status on byte 2, data from byte 3
                for (int i = 3; i < count; i++)
                {
                    answer![i] = Buffer[(byte)(d[o + 1] + i - 3)];
                }

                return;
            case 0x02: // ClearIrqStatus
                Irq &= ~((d[o + 1] << 8) | d[o + 2]);
                return;
            case 0x12: // GetIrqStatus
                answer![2] = (byte)(Irq >> 8);
                answer[3] = (byte)Irq;
                return;
            case 0x13: // GetRxBufferStatus
                answer![2] = (byte)(NextPacket?.Length ?? 0);
                answer[3] = RxBufferStart;
                return;
            case 0x14: // GetPacketStatus
                answer![3] = NextPacketSnr;
                return;
            case 0x83: // SetTx
                _transmitEndsAt = TransmitMilliseconds == long.MaxValue ? long.MaxValue : _clock.NowMilliseconds + TransmitMilliseconds;
                return;
            case 0x82: // SetRx, timeout in 15.625 us steps
                long steps = (d[o + 1] << 16) | (d[o + 2] << 8) | d[o + 3];
                _receiveEndsAt = _clock.NowMilliseconds + (NextPacket != null ? ReceiveMilliseconds : (steps + 63) / 64);
                return;
        }
    }

    private void Advance()
    {
        long now = _clock.NowMilliseconds;
        if (now >= _transmitEndsAt)
        {
            _transmitEndsAt = long.MaxValue;
            Irq |= 0x0001;
        }

        if (now >= _receiveEndsAt)
        {
            _receiveEndsAt = long.MaxValue;
            if (NextPacket == null)
            {
                Irq |= 0x0200;
                return;
            }

            NextPacket.CopyTo(Buffer, RxBufferStart);
            Irq |= 0x0002 | (NextPacketCrcError ? 0x0040 : 0);
        }
    }

    public void RaiseEdge(bool high) => EdgeDetected?.Invoke(high);
}
