using OccupancySensor.Lorawan.Airtime;
using OccupancySensor.Radios;
using OccupancySensor.Radios.Sx1276;
using OccupancySensor.Runtime;

namespace OccupancySensor.Tests.Radios;

/// <summary>
/// The SX1276 driver against a register model of the chip: the transaction sequences the datasheet requires for
/// start, transmit and receive, the values it prescribes (Frf, modem configuration, sync word, IQ inversion), and the
/// error paths. Expected register values are worked out here from the datasheet, not taken from the driver.
/// </summary>
public sealed class Sx1276RadioTests
{
    private readonly ManualClock _clock = new();
    private readonly AdvancingDelay _delay;
    private readonly RecordingOutput _reset;
    private readonly Sx1276Model _chip;
    private readonly FaultLog _faults = new();
    private readonly Sx1276Radio _radio;

    public Sx1276RadioTests()
    {
        _delay = new AdvancingDelay(_clock);
        _reset = new RecordingOutput(_clock);
        _chip = new Sx1276Model(_clock);
        _radio = new Sx1276Radio(_chip, _reset, _clock, _delay, _faults);
    }

    private static LoraModulation Uplink(int sf, int bw = 125000) => LoraModulation.LorawanUplink(sf, bw);

    private static LoraModulation Downlink(int sf, int bw = 125000) => LoraModulation.LorawanDownlink(sf, bw);

    // Register writes of the frames from index `from` on, as (address, value), bursts expanded (FIFO bytes left out).
    private List<(int Address, int Value)> Writes(int from = 0)
    {
        var writes = new List<(int, int)>();
        foreach (var frame in _chip.Frames.Skip(from).Where(f => !f.Exchange))
        {
            int address = frame.Out[0] & 0x7F;
            for (int i = 1; i < frame.Out.Length && address != 0; i++)
            {
                writes.Add((address++, frame.Out[i]));
            }
        }

        return writes;
    }

    private int LastWriteIndex(List<(int Address, int Value)> writes, int address, int value) =>
        writes.FindLastIndex(w => w.Address == address && w.Value == value);

    [Fact]
    public void Start_pulses_reset_reads_the_version_then_switches_to_lora_in_sleep()
    {
        Assert.True(_radio.Start());

        // 7.2.2: NRESET low for more than 100 us, then 5 ms before the first access.
        Assert.Equal(2, _reset.Levels.Count);
        Assert.False(_reset.Levels[0].High);
        Assert.True(_reset.Levels[1].High);
        Assert.True(_reset.Levels[1].At > _reset.Levels[0].At);
        Assert.True(_chip.Frames[0].At - _reset.Levels[1].At >= 5);

        // First frame: a read of RegVersion (0x42, MSB clear), before anything is written.
        Assert.Equal("4200", _chip.Frames[0].Hex);
        Assert.True(_chip.Frames[0].Exchange);

        // Sleep in FSK, then LongRangeMode set while asleep.
        Assert.Equal(new byte[] { 0x00, 0x80 }, _chip.ModeWrites.Select(m => m.Value).Take(2));
        Assert.Empty(_chip.Violations);
        Assert.Equal(0x80, _chip.Registers[0x01]);
        Assert.Equal(0x34, _chip.Registers[0x39]); // public LoRaWAN sync word
        Assert.Equal(RadioStatus.Ok, _radio.LastStatus);
        Assert.Equal(0, _faults.Total);
    }

    [Theory]
    [InlineData(0x00)]
    [InlineData(0xFF)]
    [InlineData(0x22)]
    public void Start_with_a_wrong_version_reports_a_fault_and_writes_nothing(byte version)
    {
        _chip.Registers[0x42] = version;

        Assert.False(_radio.Start());

        Assert.Equal(RadioStatus.WrongChip, _radio.LastStatus);
        Assert.Equal(1, _faults.Total);
        Assert.Equal(FaultSource.Uplink, _faults.GetRecent(0).Source);
        Assert.All(_chip.Frames, f => Assert.True(f.Exchange));
        Assert.False(_radio.Transmit(868100000, Uplink(7), new byte[] { 1 }, 1));
        Assert.Equal(RadioStatus.NotStarted, _radio.LastStatus);
    }

    [Fact]
    public void Start_fails_when_the_chip_does_not_take_lora_mode()
    {
        // A chip that ignores RegOpMode writes (e.g. a write-protected or absent part that still echoes 0x12).
        var radio = new Sx1276Radio(new StuckOpModeChip(_chip), _reset, _clock, _delay, _faults);

        Assert.False(radio.Start());
        Assert.Equal(RadioStatus.WrongChip, radio.LastStatus);
    }

    [Fact]
    public void Transmit_at_868_1_MHz_writes_the_datasheet_frame_sequence()
    {
        Assert.True(_radio.Start());
        int from = _chip.Frames.Count;
        byte[] payload = { 0x40, 0x11, 0x22, 0x33, 0x44, 0x80, 0x01, 0x00, 0x01, 0xAA, 0xBB, 0xCC, 0xDD, 0xEE };

        Assert.True(_radio.Transmit(868100000, Uplink(7), payload, payload.Length));

        // Frf = 868.1e6 * 2^19 / 32e6 = 14222950.4 -> 0xD90666, written as one burst MSB first.
        Assert.Contains(_chip.Frames.Skip(from), f => f.Hex == "86D90666");
        var writes = Writes(from);
        Assert.Contains((0x1D, 0x72), writes); // BW 125 kHz (0111), CR 4/5 (001), explicit header
        Assert.Contains((0x1E, 0x74), writes); // SF7, RxPayloadCrcOn
        Assert.Contains((0x26, 0x04), writes); // AGC auto, no LowDataRateOptimize at SF7
        Assert.Contains((0x20, 0x00), writes);
        Assert.Contains((0x21, 0x08), writes); // preamble 8
        Assert.Contains((0x33, 0x27), writes); // IQ not inverted on TX
        Assert.Contains((0x3B, 0x1D), writes);
        Assert.Contains((0x22, payload.Length), writes);
        Assert.Contains((0x09, 0xF0 | (14 - 2)), writes); // PA_BOOST, 14 dBm
        Assert.Contains((0x40, 0x40), writes); // DIO0 = TxDone

        // The FIFO holds the payload from the TX base, written in standby (the model flags FIFO writes in sleep).
        Assert.Equal(payload, _chip.Fifo.Take(payload.Length));
        Assert.Empty(_chip.Violations);

        // Order: standby, configuration, then TX last; after TxDone the chip goes back to sleep.
        var modes = _chip.ModeWrites.Skip(2).Select(m => m.Value).ToArray();
        Assert.Equal(new byte[] { 0x81, 0x83, 0x80 }, modes);
        int tx = LastWriteIndex(writes, 0x01, 0x83);
        Assert.True(LastWriteIndex(writes, 0x22, payload.Length) < tx);
        Assert.True(writes.FindIndex(w => w.Address == 0x12 && w.Value == 0xFF) < tx, "IRQ flags cleared before TX");
    }

    [Fact]
    public void Transmit_returns_only_after_TxDone_and_polls_no_earlier_than_the_time_on_air()
    {
        Assert.True(_radio.Start());
        _chip.TransmitMilliseconds = 400;
        long before = _clock.NowMilliseconds;
        byte[] payload = new byte[20];

        Assert.True(_radio.Transmit(868100000, Uplink(10), payload, payload.Length));

        Assert.True(_clock.NowMilliseconds - before >= 400);
        long airtime = TimeOnAir.Microseconds(Uplink(10), 20, LoraChip.Sx127x) / 1000;
        var irqReads = _chip.Frames.Where(f => f.Exchange && f.Out[0] == 0x12).ToList();
        Assert.NotEmpty(irqReads);
        Assert.True(irqReads[0].At - before >= airtime, "first RegIrqFlags poll before the packet could have ended");
        Assert.Equal(RadioStatus.Ok, _radio.LastStatus);
    }

    [Fact]
    public void Spreading_factor_12_sets_LowDataRateOptimize()
    {
        Assert.True(_radio.Start());
        int from = _chip.Frames.Count;

        Assert.True(_radio.Transmit(868100000, Uplink(12), new byte[] { 1, 2, 3 }, 3));

        var writes = Writes(from);
        Assert.Contains((0x1E, 0xC4), writes);
        Assert.Contains((0x26, 0x0C), writes); // LowDataRateOptimize (symbol 32.8 ms > 16 ms) + AGC
    }

    [Fact]
    public void Bandwidth_500_kHz_applies_the_errata_registers_and_125_kHz_restores_them()
    {
        Assert.True(_radio.Start());
        int from = _chip.Frames.Count;
        Assert.True(_radio.Transmit(903000000, Uplink(8, 500000), new byte[] { 1 }, 1));
        var writes = Writes(from);
        Assert.Contains((0x1D, 0x92), writes);
        Assert.Contains((0x36, 0x02), writes);
        Assert.Contains((0x3A, 0x64), writes);

        from = _chip.Frames.Count;
        Assert.True(_radio.Transmit(902300000, Uplink(10), new byte[] { 1 }, 1));
        Assert.Contains((0x36, 0x03), Writes(from));
    }

    [Fact]
    public void Receive_inverts_IQ_sets_the_symbol_timeout_and_starts_RX_single_just_before_the_window()
    {
        Assert.True(_radio.Start());
        byte[] downlink = { 0x60, 0x04, 0x03, 0x02, 0x01, 0x20, 0x00, 0x00, 0x9A, 0x8B, 0x7C, 0x6D };
        _chip.NextPacket = downlink;
        _chip.NextPacketSnr = 0xE4; // -28 quarter dB = -7 dB
        long opensAt = _clock.NowMilliseconds + 1000;
        int from = _chip.Frames.Count;
        byte[] buffer = new byte[64];

        int length = _radio.Receive(869525000, Downlink(12), opensAt, buffer);

        Assert.Equal(downlink.Length, length);
        Assert.Equal(downlink, buffer.Take(length));
        Assert.Equal(-7, _radio.LastSnr);
        var writes = Writes(from);
        int rx = LastWriteIndex(writes, 0x01, 0x86);
        Assert.True(rx > 0);
        Assert.True(LastWriteIndex(writes, 0x33, 0x67) < rx, "RegInvertIQ RX bit set before RX");
        Assert.True(LastWriteIndex(writes, 0x3B, 0x19) < rx, "RegInvertIQ2 = 0x19 before RX");
        Assert.Contains((0x1E, 0xC0), writes); // SF12, no CRC on downlinks, symbol timeout MSBs 0
        Assert.Contains((0x1F, 9), writes); // 8 symbols + 20 ms of timing uncertainty at 32.768 ms a symbol
        Assert.Contains((0x40, 0x00), writes); // DIO0 = RxDone

        // RX single starts LeadMilliseconds before the window opens.
        var rxStart = _chip.ModeWrites.Single(m => m.Value == 0x86);
        Assert.Equal(opensAt - ReceiveWindow.LeadMilliseconds, rxStart.At);
        Assert.Equal(0x80, _chip.Registers[0x01]); // asleep again
        Assert.Empty(_chip.Violations);
    }

    [Fact]
    public void Inverted_IQ_is_used_only_for_receive_windows()
    {
        Assert.True(_radio.Start());
        _radio.Receive(868100000, Downlink(7), _clock.NowMilliseconds, new byte[64]);
        Assert.Equal(0x67, _chip.Registers[0x33]);

        Assert.True(_radio.Transmit(868100000, Uplink(7), new byte[] { 9 }, 1));
        Assert.Equal(0x27, _chip.Registers[0x33]);
        Assert.Equal(0x1D, _chip.Registers[0x3B]);
    }

    [Fact]
    public void An_empty_window_returns_0_with_NoPacket_and_no_fault()
    {
        Assert.True(_radio.Start());
        var modulation = Downlink(7);

        Assert.Equal(0, _radio.Receive(868100000, modulation, _clock.NowMilliseconds + 5, new byte[64]));

        Assert.Equal(RadioStatus.NoPacket, _radio.LastStatus);
        Assert.Equal(0, _faults.Total);
        Assert.Contains((0x1F, 28), Writes()); // SF7: 8 + ceil(20000 / 1024) symbols
    }

    [Fact]
    public void A_packet_with_a_CRC_error_is_dropped()
    {
        Assert.True(_radio.Start());
        _chip.NextPacket = new byte[] { 1, 2, 3 };
        _chip.NextPacketCrcError = true;
        byte[] buffer = new byte[64];

        Assert.Equal(0, _radio.Receive(868100000, Downlink(9), _clock.NowMilliseconds, buffer));

        Assert.Equal(RadioStatus.CrcError, _radio.LastStatus);
        Assert.Equal(1, _radio.CrcErrors);
        Assert.All(buffer, b => Assert.Equal(0, b));
    }

    [Fact]
    public void A_packet_longer_than_the_buffer_is_dropped()
    {
        Assert.True(_radio.Start());
        _chip.NextPacket = new byte[20];

        Assert.Equal(0, _radio.Receive(868100000, Downlink(7), _clock.NowMilliseconds, new byte[8]));
        Assert.Equal(RadioStatus.TooLong, _radio.LastStatus);
    }

    [Fact]
    public void A_missing_TxDone_is_a_fault_after_the_deadline_and_the_chip_is_put_to_sleep()
    {
        Assert.True(_radio.Start());
        _chip.TransmitMilliseconds = long.MaxValue;
        long before = _clock.NowMilliseconds;

        Assert.False(_radio.Transmit(868100000, Uplink(7), new byte[] { 1 }, 1));

        Assert.Equal(RadioStatus.NoCompletion, _radio.LastStatus);
        Assert.Equal(FaultCode.BusTimeout, _faults.GetRecent(0).Code);

        // Given up 100 ms after the packet's time on air, polling every millisecond (the SPI writes take no time here).
        long airtime = TimeOnAir.Milliseconds(Uplink(7), 1, LoraChip.Sx127x);
        Assert.InRange(_clock.NowMilliseconds - before, airtime + 100, airtime + 101);
        Assert.Equal(0x80, _chip.Registers[0x01]);
    }

    [Fact]
    public void A_receiver_that_never_ends_is_a_fault_after_the_longest_packet()
    {
        Assert.True(_radio.Start());
        _chip.NeverEndReceive = true;
        long before = _clock.NowMilliseconds;

        Assert.Equal(0, _radio.Receive(868100000, Downlink(7), before, new byte[64]));

        Assert.Equal(RadioStatus.NoCompletion, _radio.LastStatus);
        long longest = TimeOnAir.Microseconds(Uplink(7), 255, LoraChip.Sx127x) / 1000;
        Assert.True(_clock.NowMilliseconds - before >= longest);
    }

    [Fact]
    public void A_bus_error_at_any_frame_of_start_transmit_or_receive_returns_a_fault_and_never_throws()
    {
        // Count the frames of a clean run, then fail each one in turn on a fresh chip.
        Assert.True(_radio.Start());
        Assert.True(_radio.Transmit(868100000, Uplink(7), new byte[] { 1, 2 }, 2));
        _chip.NextPacket = new byte[] { 5, 6 };
        Assert.Equal(2, _radio.Receive(868100000, Downlink(7), _clock.NowMilliseconds, new byte[64]));
        int frames = _chip.FrameCount;

        for (int fail = 0; fail < frames; fail++)
        {
            var clock = new ManualClock();
            var chip = new Sx1276Model(clock) { FailFrame = fail, NextPacket = new byte[] { 5, 6 } };
            var faults = new FaultLog();
            var radio = new Sx1276Radio(chip, new RecordingOutput(clock), clock, new AdvancingDelay(clock), faults);
            var (started, sent, received) = RadioExercise.StartSendReceive(radio.Start, radio, clock);

            Assert.False(started && sent && received == 2, "frame " + fail + " failed but every call succeeded");
            Assert.Equal(RadioStatus.BusError, radio.LastStatus);
            Assert.True(faults.Total >= 1);
        }
    }

    [Theory]
    [InlineData(868100000, 6, 125000, 1)]
    [InlineData(868100000, 7, 62500, 1)]
    [InlineData(100000000, 7, 125000, 1)]
    [InlineData(868100000, 7, 125000, 0)]
    [InlineData(868100000, 7, 125000, 256)]
    public void Settings_outside_the_chip_are_refused_without_touching_it(int frequency, int sf, int bw, int length)
    {
        Assert.True(_radio.Start());
        int frames = _chip.FrameCount;
        var modulation = Uplink(sf, bw);

        Assert.False(_radio.Transmit(frequency, modulation, new byte[300], length));

        Assert.Equal(RadioStatus.InvalidSettings, _radio.LastStatus);
        Assert.Equal(frames, _chip.FrameCount);
    }

    [Fact]
    public void A_spreading_factor_12_modulation_without_LowDataRateOptimize_is_refused()
    {
        Assert.True(_radio.Start());
        var modulation = Uplink(12);
        modulation.LowDataRateOptimize = false;

        Assert.False(_radio.Transmit(868100000, modulation, new byte[] { 1 }, 1));
        Assert.Equal(RadioStatus.InvalidSettings, _radio.LastStatus);
    }

    [Fact]
    public void Transmit_and_receive_allocate_nothing_after_start()
    {
        Assert.True(_radio.Start());
        _chip.Record = false;
        _delay.Record = false;
        _chip.NextPacket = new byte[] { 1, 2, 3, 4 };
        Assert.Equal(0, RadioExercise.AllocatedOverTwentyExchanges(_radio, _clock));
        Assert.Equal(RadioStatus.Ok, _radio.LastStatus);
    }

    /// <summary>Passes frames to the model but drops every RegOpMode write.</summary>
    private sealed class StuckOpModeChip : OccupancySensor.Hardware.ISpiBus
    {
        private readonly Sx1276Model _inner;

        public StuckOpModeChip(Sx1276Model inner) => _inner = inner;

        public OccupancySensor.Hardware.BusStatus Write(byte[] buffer, int offset, int count) =>
            (buffer[offset] & 0x7F) == 0x01 ? OccupancySensor.Hardware.BusStatus.Ok : _inner.Write(buffer, offset, count);

        public OccupancySensor.Hardware.BusStatus Exchange(byte[] writeBuffer, byte[] readBuffer, int count) =>
            _inner.Exchange(writeBuffer, readBuffer, count);
    }
}
