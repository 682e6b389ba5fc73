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
}
