using OccupancySensor.Lorawan.Airtime;
using OccupancySensor.Radios;
using OccupancySensor.Radios.Sx1262;
using OccupancySensor.Runtime;

namespace OccupancySensor.Tests.Radios;

/// <summary>
/// The SX1262 driver against a command-level model of the chip and its BUSY line: exact command frames for start,
/// transmit and receive as the datasheet's command interface defines them, BUSY respected before every frame, the
/// chapter 15 workarounds, and the error paths. Expected frames are worked out here from the datasheet.
/// </summary>
public sealed class Sx1262RadioTests
{
    private readonly ManualClock _clock = new();
    private readonly AdvancingDelay _delay;
    private readonly RecordingOutput _reset;
    private readonly Sx1262Model _chip;
    private readonly FaultLog _faults = new();
    private readonly Sx1262Radio _radio;

    public Sx1262RadioTests()
    {
        _delay = new AdvancingDelay(_clock);
        _reset = new RecordingOutput(_clock);
        _chip = new Sx1262Model(_clock);
        _radio = new Sx1262Radio(_chip, _reset, _chip, _clock, _delay, _faults) { TcxoVoltage = 0x02, Dio2AsRfSwitch = true };
    }

    private static LoraModulation Uplink(int sf, int bw = 125000) => LoraModulation.LorawanUplink(sf, bw);

    private static LoraModulation Downlink(int sf, int bw = 125000) => LoraModulation.LorawanDownlink(sf, bw);

    private static string Timeout(long milliseconds) => (milliseconds * 64).ToString("X6");

    [Fact]
    public void Start_sends_the_heltec_v3_initialisation_in_datasheet_order()
    {
        Assert.True(_radio.Start());

        Assert.False(_reset.Levels[0].High);
        Assert.True(_reset.Levels[1].High);
        Assert.Equal(
            new[]
            {
                "8000",               // SetStandby(STDBY_RC)
                "1D074000" + "0000",  // ReadRegister(0x0740, 2): the sync word's reset value 0x1424 identifies the chip
                "9702000140",         // SetDio3AsTcxoCtrl(1.8 V, 320 x 15.625 us = 5 ms)
                "897F",               // Calibrate(all blocks)
                "070000",             // ClearDeviceErrors
                "9D01",               // SetDio2AsRfSwitchCtrl(on)
                "9601",               // SetRegulatorMode(DC-DC)
                "8A01",               // SetPacketType(LoRa)
                "0D07403444",         // WriteRegister(0x0740): public sync word 0x3444
                "8F0000",             // SetBufferBaseAddress(TX 0, RX 0)
                "9504070001",         // SetPaConfig(paDutyCycle 4, hpMax 7, SX1262, paLut 1)
                "1D08D800" + "00",    // ReadRegister(0x08D8): TX clamp (15.2) ...
                "0D08D8DE",           // ... bits 4..1 set: 0xC8 | 0x1E
                "080263026300000000", // SetDioIrqParams(TxDone|RxDone|HeaderErr|CrcErr|Timeout on IRQ and DIO1)
                "8404",               // SetSleep(warm start)
            },
            _chip.Commands);
        Assert.Empty(_chip.Violations);
        Assert.True(_chip.Asleep);
        Assert.Equal(0x34, _chip.Registers[0x0740]);
        Assert.Equal(0x44, _chip.Registers[0x0741]);
    }

    [Fact]
    public void Without_a_TCXO_or_RF_switch_those_commands_are_left_out()
    {
        var radio = new Sx1262Radio(_chip, _reset, _chip, _clock, _delay, _faults);

        Assert.True(radio.Start());

        Assert.DoesNotContain(_chip.Commands, c => c.StartsWith("97") || c.StartsWith("9D") || c.StartsWith("89"));
    }

    [Fact]
    public void BUSY_is_waited_for_before_every_frame_and_a_sleeping_chip_is_woken_first()
    {
        _chip.BusyReadsAfterCommand = 5;

        Assert.True(_radio.Start());
        Assert.True(_radio.Transmit(868100000, Uplink(7), new byte[] { 1, 2, 3 }, 3));
        _chip.NextPacket = new byte[] { 7, 8 };
        Assert.Equal(2, _radio.Receive(869525000, Downlink(9), _clock.NowMilliseconds, new byte[32]));

        Assert.Empty(_chip.Violations);

        // Each operation after a sleep begins with the wake frame (GetStatus, not executed), then waits for BUSY.
        int wakes = _chip.Frames.Count(f => f.Hex == "C000");
        Assert.Equal(2, wakes);
    }

    [Fact]
    public void A_driver_that_ignored_BUSY_would_be_caught()
    {
        // The model's own check: a frame while BUSY is high is a violation (this keeps the test above able to fail).
        Assert.True(_chip.Read() == false);
        _chip.Write(new byte[] { 0x80, 0x00 }, 0, 2);
        _chip.Write(new byte[] { 0x80, 0x00 }, 0, 2);

        Assert.Single(_chip.Violations);
    }

    [Fact]
    public void A_stuck_BUSY_line_is_a_fault_after_its_deadline_with_no_frame_sent()
    {
        _chip.BusyStuck = true;
        long before = _clock.NowMilliseconds;

        Assert.False(_radio.Start());

        Assert.Equal(RadioStatus.BusyTimeout, _radio.LastStatus);
        Assert.Equal(FaultCode.BusTimeout, _faults.GetRecent(0).Code);
        Assert.Equal(0, _chip.FrameCount);
        Assert.InRange(_clock.NowMilliseconds - before, 50, 60);
    }

    [Fact]
    public void BUSY_stuck_after_start_fails_transmit_without_a_hang()
    {
        Assert.True(_radio.Start());
        _chip.BusyStuck = true;

        Assert.False(_radio.Transmit(868100000, Uplink(7), new byte[] { 1 }, 1));
        Assert.Equal(RadioStatus.BusyTimeout, _radio.LastStatus);
    }

    [Theory]
    [InlineData(0x00, 0x00)]
    [InlineData(0xFF, 0xFF)]
    [InlineData(0x34, 0x44)]
    public void A_chip_without_the_sync_word_reset_value_is_refused(byte msb, byte lsb)
    {
        _chip.Registers[0x0740] = msb;
        _chip.Registers[0x0741] = lsb;

        Assert.False(_radio.Start());

        Assert.Equal(RadioStatus.WrongChip, _radio.LastStatus);
        Assert.Equal(1, _faults.Total);
        Assert.Equal(2, _chip.Commands.Count); // standby and the read, nothing written
    }

    [Fact]
    public void Transmit_at_868_1_MHz_sends_the_datasheet_commands()
    {
        Assert.True(_radio.Start());
        int from = _chip.Commands.Count;
        byte[] payload = { 0x40, 0x11, 0x22, 0x33, 0x44, 0x80, 0x01, 0x00, 0x01, 0xAA, 0xBB, 0xCC, 0xDD, 0xEE };
        long airtime = TimeOnAir.Milliseconds(Uplink(7), payload.Length, LoraChip.Sx126x);

        Assert.True(_radio.Transmit(868100000, Uplink(7), payload, payload.Length));

        var commands = _chip.Commands.Skip(from).ToList();
        Assert.Equal(
            new[]
            {
                "98D7DB",           // CalibrateImage(863-870 MHz)
                "8000",             // SetStandby(STDBY_RC)
                "8636419999",       // SetRfFrequency: 868.1e6 * 2^25 / 32e6 = 910268825.6 -> 0x36419999
                "8B07040100",       // SetModulationParams(SF7, BW125 = 0x04, CR 4/5, LDRO off)
                "1D08890000",       // 15.1: read 0x0889 ...
                "0D088904",         // ... bit 2 set below 500 kHz
                "8C0008000E0100",   // SetPacketParams(preamble 8, explicit, 14 bytes, CRC on, IQ standard)
                "1D07360000",       // 15.4: read 0x0736 ...
                "0D07360D",         // ... bit 2 set with standard IQ
                "8E0E04",           // SetTxParams(14 dBm, 200 us ramp)
                "0E00" + Convert.ToHexString(payload), // WriteBuffer(offset 0)
                "0203FF",           // ClearIrqStatus(all)
                "83" + Timeout(airtime + 100), // SetTx with the time on air + 100 ms as the chip's own timeout
            },
            commands.Take(13));
        Assert.All(commands.Skip(13).Take(commands.Count - 15), c => Assert.Equal("12000000", c));
        Assert.Equal(new[] { "0203FF", "8404" }, commands.TakeLast(2));
        Assert.Equal(payload, _chip.Buffer.Take(payload.Length));
        Assert.Empty(_chip.Violations);
    }

    [Fact]
    public void Image_calibration_runs_once_per_band()
    {
        Assert.True(_radio.Start());
        Assert.True(_radio.Transmit(868100000, Uplink(7), new byte[] { 1 }, 1));
        Assert.True(_radio.Transmit(868300000, Uplink(7), new byte[] { 1 }, 1));
        Assert.True(_radio.Transmit(903000000, Uplink(8, 500000), new byte[] { 1 }, 1));

        Assert.Equal(new[] { "98D7DB", "98E1E9" }, _chip.Commands.Where(c => c.StartsWith("98")));
    }

    [Fact]
    public void Bandwidth_500_kHz_clears_bit_2_of_register_0x0889()
    {
        Assert.True(_radio.Start());

        Assert.True(_radio.Transmit(903000000, Uplink(8, 500000), new byte[] { 1 }, 1));

        Assert.Contains("8B08060100", _chip.Commands); // SF8, BW500 = 0x06
        Assert.Equal(0x00, _chip.Registers[0x0889] & 0x04);
    }

    [Fact]
    public void Receive_uses_inverted_IQ_with_the_0x0736_fix_and_reads_the_packet_where_the_chip_put_it()
    {
        Assert.True(_radio.Start());
        byte[] downlink = { 0x60, 0x04, 0x03, 0x02, 0x01, 0x20, 0x00, 0x00, 0x9A, 0x8B, 0x7C, 0x6D };
        _chip.NextPacket = downlink;
        _chip.NextPacketSnr = 0xF4; // -12 quarter dB = -3 dB
        long opensAt = _clock.NowMilliseconds + 1000;
        int from = _chip.Commands.Count;
        byte[] buffer = new byte[64];

        int length = _radio.Receive(869525000, Downlink(12), opensAt, buffer);

        Assert.Equal(downlink.Length, length);
        Assert.Equal(downlink, buffer.Take(length));
        Assert.Equal(-3, _radio.LastSnr);
        var commands = _chip.Commands.Skip(from).ToList();
        Assert.Contains("8B0C040101", commands); // SF12, BW125, CR 4/5, LDRO on
        Assert.Contains("8C000800FF0001", commands); // preamble 8, explicit, max length, CRC off, IQ inverted
        Assert.Contains("0D073609", commands); // 15.4: bit 2 cleared with inverted IQ (0x0D -> 0x09)
        int rx = commands.FindIndex(c => c.StartsWith("82"));
        Assert.True(rx > commands.IndexOf("0D073609"));
        Assert.Equal("82" + Timeout(ReceiveWindow.TimeoutMilliseconds(Downlink(12))), commands[rx]);
        Assert.Contains("1E800000", _chip.Frames.Select(f => f.Hex.Substring(0, Math.Min(8, f.Hex.Length)))); // ReadBuffer at 0x80
        var rxFrame = _chip.Frames.Single(f => f.Hex.StartsWith("82"));
        Assert.Equal(opensAt - ReceiveWindow.LeadMilliseconds, rxFrame.At);
        Assert.True(_chip.Asleep);
        Assert.Empty(_chip.Violations);
    }

    [Fact]
    public void An_empty_window_returns_0_with_NoPacket_and_no_fault()
    {
        Assert.True(_radio.Start());

        Assert.Equal(0, _radio.Receive(868100000, Downlink(7), _clock.NowMilliseconds, new byte[64]));

        Assert.Equal(RadioStatus.NoPacket, _radio.LastStatus);
        Assert.Equal(0, _faults.Total);
    }

    [Fact]
    public void A_packet_with_a_CRC_error_is_dropped()
    {
        Assert.True(_radio.Start());
        _chip.NextPacket = new byte[] { 1, 2, 3 };
        _chip.NextPacketCrcError = true;

        Assert.Equal(0, _radio.Receive(868100000, Downlink(7), _clock.NowMilliseconds, new byte[64]));

        Assert.Equal(RadioStatus.CrcError, _radio.LastStatus);
        Assert.Equal(1, _radio.CrcErrors);
    }

    [Fact]
    public void A_missing_TxDone_is_a_fault()
    {
        Assert.True(_radio.Start());
        _chip.TransmitMilliseconds = long.MaxValue;

        Assert.False(_radio.Transmit(868100000, Uplink(7), new byte[] { 1 }, 1));

        Assert.Equal(RadioStatus.NoCompletion, _radio.LastStatus);
        Assert.True(_chip.Asleep);

        // The IRQ status is first read once the packet's time on air has passed since SetTx, then polled until two
        // 100 ms margins have passed (the chip's own timeout takes the first): the last read comes within one poll
        // (a millisecond's wait plus the model's BUSY time of a few) of that deadline.
        long setTxAt = _chip.Frames.Last(f => f.Out[0] == 0x83).At;
        var polls = _chip.Frames.Where(f => f.Out[0] == 0x12 && f.At > setTxAt).Select(f => f.At).ToArray();
        long airtime = TimeOnAir.Milliseconds(Uplink(7), 1, LoraChip.Sx126x);
        Assert.True(polls[0] - setTxAt >= airtime, "IRQ status read " + (polls[0] - setTxAt) + " ms after SetTx, before the time on air");
        long poll = polls[1] - polls[0];
        Assert.InRange(polls[^1] - polls[0], 200, 200 + poll);
    }

    [Fact]
    public void A_bus_error_at_any_frame_returns_a_fault_and_never_throws()
    {
        Assert.True(_radio.Start());
        Assert.True(_radio.Transmit(868100000, Uplink(7), new byte[] { 1, 2 }, 2));
        _chip.NextPacket = new byte[] { 5, 6 };
        Assert.Equal(2, _radio.Receive(868100000, Downlink(7), _clock.NowMilliseconds, new byte[64]));
        int frames = _chip.FrameCount;

        for (int fail = 0; fail < frames; fail++)
        {
            var clock = new ManualClock();
            var chip = new Sx1262Model(clock) { FailFrame = fail, NextPacket = new byte[] { 5, 6 } };
            var faults = new FaultLog();
            var radio = new Sx1262Radio(chip, null!, chip, clock, new AdvancingDelay(clock), faults) { TcxoVoltage = 2, Dio2AsRfSwitch = true };
            var (started, sent, received) = RadioExercise.StartSendReceive(radio.Start, radio, clock);

            Assert.False(started && sent && received == 2, "frame " + fail + " failed but every call succeeded");
            Assert.Equal(RadioStatus.BusError, radio.LastStatus);
            Assert.True(faults.Total >= 1);
        }
    }

    [Theory]
    [InlineData(800000000, 7, 125000, 1)]
    [InlineData(868100000, 4, 125000, 1)]
    [InlineData(868100000, 7, 62500, 1)]
    [InlineData(868100000, 7, 125000, 0)]
    [InlineData(868100000, 7, 125000, 256)]
    public void Settings_outside_the_driver_are_refused_without_touching_the_chip(int frequency, int sf, int bw, int length)
    {
        Assert.True(_radio.Start());
        int frames = _chip.FrameCount;

        Assert.False(_radio.Transmit(frequency, Uplink(sf, bw), new byte[300], length));

        Assert.Equal(RadioStatus.InvalidSettings, _radio.LastStatus);
        Assert.Equal(frames, _chip.FrameCount);
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
}
