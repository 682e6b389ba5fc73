using OccupancySensor.Lorawan.Device;
using OccupancySensor.Lorawan.Regions;

namespace OccupancySensor.Tests.Lorawan;

/// <summary>The MAC commands on their own (LoRaWAN 1.0.4 chapter 5; channel-mask rules of RP002 per region).</summary>
public class MacCommandTests
{
    private static int[] Enabled(LorawanRegion region) => Enumerable.Range(0, region.ChannelCount).Where(region.IsChannelEnabled).ToArray();

    private static string Answers(MacCommandProcessor mac) => Hex.Of(mac.Answers, 0, mac.AnswerLength);

    [Fact]
    public void A_US915_block_of_LinkADRReq_is_applied_as_one_request_and_every_one_answered()
    {
        // The shape a network server sends for sub-band 2: all 125 kHz channels off with 500 kHz channel 65 on
        // (ChMaskCntl 7), then channels 8..15 on (ChMaskCntl 0). Alone, the first would leave no channel for DR3.
        var region = new Us915Region();
        region.UseSubBand(1);
        var mac = new MacCommandProcessor(region);
        var block = Hex.Bytes("03 30 0200 70" + "03 30 00ff 01");
        Assert.Equal(2, mac.Process(block, 0, block.Length, 0));
        Assert.Equal("0307" + "0307", Answers(mac));
        Assert.Equal(new[] { 8, 9, 10, 11, 12, 13, 14, 15, 65 }, Enabled(region));
        Assert.Equal(3, mac.DataRate);

        // A block whose result leaves no channel for its data rate is refused whole, and each request says why.
        mac.AnswersSent();
        var bad = Hex.Bytes("03 30 0000 70" + "03 30 0200 40");
        Assert.Equal(2, mac.Process(bad, 0, bad.Length, 0));
        Assert.Equal("0305" + "0305", Answers(mac));
        Assert.Equal(new[] { 8, 9, 10, 11, 12, 13, 14, 15, 65 }, Enabled(region));
    }

    [Fact]
    public void LinkADRReq_is_refused_per_field_and_changes_nothing_unless_all_of_it_is_acceptable()
    {
        var region = new Eu868Region();
        var mac = new MacCommandProcessor(region) { DataRate = 5 };
        // DR7 (FSK, not offered) with TX power 9 (EU868 has 0..7) and a mask naming empty slot 5.
        var request = Hex.Bytes("03 79 2000 01");
        mac.Process(request, 0, request.Length, 0);
        Assert.Equal("0300", Answers(mac));
        Assert.Equal(new[] { 0, 1, 2 }, Enabled(region));
        Assert.Equal((5, 0, 1), (mac.DataRate, mac.TxPowerIndex, mac.Repetitions));

        // ChMaskCntl 6: every defined channel on; 0xF keeps data rate and power; NbTrans 3.
        mac.AnswersSent();
        region.SetChannelEnabled(1, false);
        request = Hex.Bytes("03 ff 0000 63");
        mac.Process(request, 0, request.Length, 0);
        Assert.Equal("0307", Answers(mac));
        Assert.Equal(new[] { 0, 1, 2 }, Enabled(region));
        Assert.Equal((5, 0, 3), (mac.DataRate, mac.TxPowerIndex, mac.Repetitions));

        // ChMaskCntl 5 is not defined for EU868.
        mac.AnswersSent();
        request = Hex.Bytes("03 ff 0100 50");
        mac.Process(request, 0, request.Length, 0);
        Assert.Equal("0306", Answers(mac));
    }

    [Fact]
    public void DutyCycleReq_DevStatusReq_and_LinkCheckAns_do_what_the_specification_says()
    {
        var mac = new MacCommandProcessor(new Eu868Region()) { BatteryLevel = 0 };
        var commands = Hex.Bytes("04 07" + "06" + "02 14 02" + "04 20");
        Assert.Equal(4, mac.Process(commands, 0, commands.Length, -40));
        Assert.Equal(7, mac.DutyCycleExponent);
        // DevStatusAns: battery 0 (external power), margin -40 dB clamped to -32 as 6-bit two's complement (0x20).
        Assert.Equal("04" + "060020" + "04", Answers(mac));
        Assert.Equal((20, 2, 1), (mac.LinkMargin, mac.GatewayCount, mac.LinkChecksAnswered));
    }

    [Fact]
    public void An_unknown_or_cut_short_command_ends_processing()
    {
        var mac = new MacCommandProcessor(new Eu868Region());
        var commands = Hex.Bytes("06" + "0b 01" + "04 02");
        Assert.Equal(1, mac.Process(commands, 0, commands.Length, 0));
        Assert.Equal(0, mac.DutyCycleExponent);
        mac.AnswersSent();
        commands = Hex.Bytes("04 02" + "03 30 0100");
        Assert.Equal(1, mac.Process(commands, 0, commands.Length, 0));
        Assert.Equal("04", Answers(mac));
    }

    [Fact]
    public void Answers_beyond_the_15_bytes_of_FOpts_are_dropped_not_overrun()
    {
        var mac = new MacCommandProcessor(new Eu868Region());
        var commands = Hex.Bytes(string.Concat(Enumerable.Repeat("06", 8)));
        Assert.Equal(8, mac.Process(commands, 0, commands.Length, 0));
        Assert.Equal(15, mac.AnswerLength);
        Assert.False(mac.RequestLinkCheck());
    }

    /// <summary>A frequency as MAC commands carry it: 24 bits little-endian in units of 100 Hz.</summary>
    internal static string Frequency(int hz) => Hex.Of(new[] { (byte)(hz / 100), (byte)(hz / 100 >> 8), (byte)(hz / 100 >> 16) });

    private static void Process(MacCommandProcessor mac, string hex)
    {
        var commands = Hex.Bytes(hex);
        mac.Process(commands, 0, commands.Length, 0);
    }

    [Theory]
    // DLSettings: RX1DROffset in bits 6..4, RX2 data rate in bits 3..0. Status bit 2 offset, bit 1 data rate, bit 0 frequency.
    [InlineData("eu868", 0x23, 869_525_000, 0x07)]
    [InlineData("eu868", 0x63, 869_525_000, 0x03)] // offset 6: EU868 defines 0..5
    [InlineData("eu868", 0x27, 869_525_000, 0x05)] // DR7 is FSK, which this device cannot receive
    [InlineData("eu868", 0x23, 915_000_000, 0x06)] // outside 863-870 MHz
    [InlineData("eu868", 0x7f, 902_000_000, 0x00)]
    [InlineData("us915", 0x3a, 923_900_000, 0x07)] // offset 3, DR10, the second downlink channel
    [InlineData("us915", 0x4a, 923_900_000, 0x03)] // offset 4: US915 defines 0..3
    [InlineData("us915", 0x04, 923_900_000, 0x05)] // DR4 is an uplink data rate; downlinks are DR8..DR13
    [InlineData("us915", 0x0e, 923_900_000, 0x05)] // DR14 is not defined
    [InlineData("us915", 0x0a, 923_400_000, 0x06)] // not on the 600 kHz downlink grid
    public void RXParamSetupReq_is_applied_only_when_offset_data_rate_and_frequency_are_all_acceptable(string plan, int settings, int frequency, int status)
    {
        LorawanRegion region = plan == "eu868" ? new Eu868Region() : new Us915Region();
        var (defaultFrequency, defaultRate) = (region.Rx2FrequencyHz, region.Rx2DataRate);
        var mac = new MacCommandProcessor(region);
        Process(mac, "05" + settings.ToString("x2") + Frequency(frequency));
        Assert.Equal("05" + status.ToString("x2"), Answers(mac));
        if (status == 0x07)
        {
            Assert.Equal(((settings >> 4) & 7, settings & 0x0F, frequency), (mac.Rx1DataRateOffset, region.Rx2DataRate, region.Rx2FrequencyHz));
        }
        else
        {
            Assert.Equal((0, defaultRate, defaultFrequency), (mac.Rx1DataRateOffset, region.Rx2DataRate, region.Rx2FrequencyHz));
        }
    }

    [Fact]
    public void Sticky_answers_repeat_after_each_uplink_until_a_Class_A_downlink_arrives()
    {
        var mac = new MacCommandProcessor(new Eu868Region());
        Process(mac, "05 23" + Frequency(869_525_000) + "08 f3" + "0a 00" + Frequency(868_900_000) + "06");
        // Del 3 (the RFU upper bits ignored); DlChannelAns both bits; DevStatusAns is not sticky.
        Assert.Equal(3, mac.ReceiveDelaySeconds);
        Assert.Equal("0507" + "08" + "0a03" + "06ff00", Answers(mac));
        Assert.Equal(5, mac.StickyAnswerLength);
        mac.AnswersSent();
        Assert.Equal("0507080a03", Answers(mac));
        Assert.True(mac.RequestLinkCheck());
        mac.AnswersSent();
        Assert.Equal("0507080a03", Answers(mac));

        // The downlink clears them; what it carries may add new ones, in front of the others.
        mac.ClassADownlinkReceived();
        Assert.Equal(string.Empty, Answers(mac));
        Assert.True(mac.RequestDeviceTime());
        Process(mac, "08 00");
        Assert.Equal(1, mac.ReceiveDelaySeconds);
        Assert.Equal("08" + "0d", Answers(mac));
    }

    [Theory]
    // ChIndex, frequency, DrRange (MaxDR high nibble, MinDR low nibble); status bit 1 data rate range, bit 0 frequency.
    [InlineData(3, 867_100_000, 0x50, 0x03)]
    [InlineData(15, 869_525_000, 0x30, 0x03)] // the 10 % sub-band: a channel there keeps that band's duty cycle
    [InlineData(3, 868_650_000, 0x50, 0x02)] // between sub-bands: no duty cycle the device could keep
    [InlineData(3, 880_000_000, 0x50, 0x02)]
    [InlineData(3, 867_100_000, 0x05, 0x01)] // MinDR above MaxDR
    [InlineData(3, 867_100_000, 0x70, 0x01)] // DR7 (FSK) is not an uplink data rate of this device
    [InlineData(2, 868_700_000, 0x50, 0x02)] // a default channel cannot be moved
    [InlineData(1, 868_300_000, 0x31, 0x01)] // ... nor narrowed
    [InlineData(1, 868_300_000, 0x50, 0x03)] // restating it is acknowledged
    [InlineData(16, 867_100_000, 0x50, 0x00)] // EU868 has channels 0..15
    public void NewChannelReq_defines_an_EU868_channel_only_when_frequency_and_data_rate_range_are_acceptable(int index, int frequency, int range, int status)
    {
        var region = new Eu868Region();
        var mac = new MacCommandProcessor(region);
        Process(mac, "07" + index.ToString("x2") + Frequency(frequency) + range.ToString("x2"));
        Assert.Equal("07" + status.ToString("x2"), Answers(mac));
        var expected = new List<int> { 0, 1, 2 };
        if (status == 0x03 && index >= 3)
        {
            expected.Add(index);
            Assert.Equal(frequency, region.ChannelFrequency(index));
            Assert.Equal((range & 0x0F, range >> 4), (region.ChannelMinDataRate(index), region.ChannelMaxDataRate(index)));
        }

        Assert.Equal(expected, Enabled(region));
        Assert.Equal(new[] { 868_100_000, 868_300_000, 868_500_000 }, new[] { 0, 1, 2 }.Select(region.ChannelFrequency));
    }

    [Fact]
    public void NewChannelReq_with_frequency_0_removes_a_channel_but_not_a_default_one()
    {
        var region = new Eu868Region();
        var mac = new MacCommandProcessor(region);
        Process(mac, "07 03" + Frequency(867_100_000) + "50" + "07 03 000000 00" + "07 00 000000 50");
        Assert.Equal("0703" + "0703" + "0700", Answers(mac));
        Assert.Equal(new[] { 0, 1, 2 }, Enabled(region));
        Assert.Equal(0, region.ChannelFrequency(3));
    }

    [Theory]
    // Status bit 1 the uplink channel exists, bit 0 the frequency is one the device may receive.
    [InlineData(0, 869_525_000, 0x03)]
    [InlineData(5, 869_525_000, 0x01)] // slot 5 holds no channel
    [InlineData(0, 915_000_000, 0x02)]
    [InlineData(40, 0, 0x00)]
    public void DlChannelReq_moves_the_RX1_frequency_of_an_EU868_channel_only_when_both_bits_are_set(int index, int frequency, int status)
    {
        var region = new Eu868Region();
        var mac = new MacCommandProcessor(region);
        Process(mac, "0a" + index.ToString("x2") + Frequency(frequency));
        Assert.Equal("0a" + status.ToString("x2"), Answers(mac));
        Assert.Equal(status == 0x03 ? frequency : 868_100_000, region.Rx1FrequencyHz(0));
        Assert.Equal(2, mac.StickyAnswerLength);

        // A channel defined again listens on its uplink frequency again.
        mac.ClassADownlinkReceived();
        Process(mac, "07 00" + Frequency(868_100_000) + "50");
        Assert.Equal(868_100_000, region.Rx1FrequencyHz(0));
    }

    [Fact]
    public void US915_ignores_NewChannelReq_DlChannelReq_and_TxParamSetupReq_unanswered_and_reads_on()
    {
        var region = new Us915Region();
        var mac = new MacCommandProcessor(region);
        var commands = Hex.Bytes("07 03" + Frequency(903_000_000) + "30" + "0a 08" + Frequency(923_900_000) + "09 3f" + "04 02");
        Assert.Equal(4, mac.Process(commands, 0, commands.Length, 0));
        Assert.Equal("04", Answers(mac));
        Assert.Equal(2, mac.DutyCycleExponent);
        Assert.Equal(923_300_000 + 600_000 * 0, region.Rx1FrequencyHz(8));
        Assert.Equal(new[] { 8, 9, 10, 11, 12, 13, 14, 15, 65 }, Enabled(region));
    }

    [Fact]
    public void TxParamSetupReq_is_skipped_without_an_answer_in_EU868()
    {
        var mac = new MacCommandProcessor(new Eu868Region());
        var commands = Hex.Bytes("09 3f" + "06");
        Assert.Equal(2, mac.Process(commands, 0, commands.Length, 5));
        Assert.Equal("06ff05", Answers(mac));
    }

    [Fact]
    public void DeviceTimeAns_gives_GPS_time_at_the_end_of_the_uplink_that_asked()
    {
        var mac = new MacCommandProcessor(new Eu868Region());
        Assert.Equal(-1, mac.GpsMilliseconds(0));
        Assert.True(mac.RequestDeviceTime());
        Assert.Equal("0d", Answers(mac));
        mac.AnswersSent();
        mac.LastUplinkEnd = 50_000;

        // 0x12345678 s (little-endian on the air) and 0x80/256 = 0.5 s.
        Process(mac, "0d 78563412 80");
        Assert.Equal((0x12345678L, 0x80, 50_000L, 1), (mac.GpsSeconds, mac.GpsFraction, mac.DeviceTimeReference, mac.DeviceTimesAnswered));
        Assert.Equal(0x12345678L * 1000 + 500 + 1_250, mac.GpsMilliseconds(51_250));
        Assert.Equal(string.Empty, Answers(mac));

        // Seconds above 2^31 stay positive (the counter passes 2^31 in 2048).
        Process(mac, "0d ffffffff 00");
        Assert.Equal(0xFFFFFFFFL, mac.GpsSeconds);
    }

    [Fact]
    public void An_unknown_command_between_known_ones_is_recorded_and_ends_the_frame()
    {
        var mac = new MacCommandProcessor(new Eu868Region());
        Assert.Equal(-1, mac.LastUnknownCommand);
        var commands = Hex.Bytes("06" + "0b 01" + "04 02");
        Assert.Equal(1, mac.Process(commands, 0, commands.Length, 0));
        Assert.Equal((1, 0x0B), (mac.UnknownCommands, mac.LastUnknownCommand));
        Assert.Equal(0, mac.DutyCycleExponent);

        // Class B commands (0x10..) are as unknown to a Class A device; a cut-short command is not an unknown one.
        commands = Hex.Bytes("04 01" + "10 00");
        Assert.Equal(1, mac.Process(commands, 0, commands.Length, 0));
        Assert.Equal((2, 0x10), (mac.UnknownCommands, mac.LastUnknownCommand));
        commands = Hex.Bytes("05 23 d2ad");
        Assert.Equal(0, mac.Process(commands, 0, commands.Length, 0));
        Assert.Equal(2, mac.UnknownCommands);
    }

    [Fact]
    public void Join_settings_out_of_the_region_s_range_keep_the_defaults()
    {
        var region = new Us915Region();
        var mac = new MacCommandProcessor(region);
        mac.ApplyJoinSettings(7, 2, 0);
        Assert.Equal((0, 8, 1), (mac.Rx1DataRateOffset, region.Rx2DataRate, mac.ReceiveDelaySeconds));
        mac.ApplyJoinSettings(2, 12, 5);
        Assert.Equal((2, 12, 5), (mac.Rx1DataRateOffset, region.Rx2DataRate, mac.ReceiveDelaySeconds));
    }

    [Fact]
    public void The_session_state_round_trips_and_a_value_out_of_range_is_not_applied()
    {
        var region = new Eu868Region();
        var mac = new MacCommandProcessor(region) { DataRate = 5 };
        Process(mac, "05 33" + Frequency(869_525_000) + "08 04" + "07 03" + Frequency(867_100_000) + "50" +
                     "07 0f" + Frequency(869_525_000) + "30" + "0a 03" + Frequency(869_525_000) + "03 42 0d80 03" + "04 05");
        Assert.Equal("0507" + "08" + "0a03" + "0703" + "0703" + "0307" + "04", Answers(mac));
        var state = new byte[mac.StateLength];
        mac.WriteState(state, 0);

        var restoredRegion = new Eu868Region();
        var restored = new MacCommandProcessor(restoredRegion);
        Assert.True(restored.ReadState(state, 0));
        Assert.Equal((4, 2, 3, 5, 3, 4), (restored.DataRate, restored.TxPowerIndex, restored.Repetitions, restored.DutyCycleExponent, restored.Rx1DataRateOffset, restored.ReceiveDelaySeconds));
        Assert.Equal((869_525_000, 3), (restoredRegion.Rx2FrequencyHz, restoredRegion.Rx2DataRate));
        Assert.Equal(new[] { 0, 2, 3, 15 }, Enabled(restoredRegion));
        Assert.Equal(Enumerable.Range(0, 16).Select(region.ChannelFrequency), Enumerable.Range(0, 16).Select(restoredRegion.ChannelFrequency));
        Assert.Equal((0, 3), (restoredRegion.ChannelMinDataRate(15), restoredRegion.ChannelMaxDataRate(15)));
        Assert.Equal(869_525_000, restoredRegion.Rx1FrequencyHz(3));

        // A data rate beyond the region, or an RX2 data rate it cannot receive, and nothing is taken.
        foreach (var (at, value) in new[] { (0, 7), (5, 0), (MacCommandProcessor.OwnStateLength + 3, 7) })
        {
            var damaged = (byte[])state.Clone();
            damaged[at] = (byte)value;
            var fresh = new Eu868Region();
            var other = new MacCommandProcessor(fresh);
            Assert.False(other.ReadState(damaged, 0));
            Assert.Equal((0, 1, 869_525_000, 0), (other.DataRate, other.ReceiveDelaySeconds, fresh.Rx2FrequencyHz, fresh.Rx2DataRate));
            Assert.Equal(new[] { 0, 1, 2 }, Enabled(fresh));
        }

        // US915 keeps only RX2 and its 72-bit mask: 6 + 4 + 9 bytes.
        Assert.Equal(19, new MacCommandProcessor(new Us915Region()).StateLength);
    }
}
