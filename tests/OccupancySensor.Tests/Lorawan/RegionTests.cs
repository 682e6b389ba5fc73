using OccupancySensor.Lorawan.Airtime;
using OccupancySensor.Lorawan.Regions;

namespace OccupancySensor.Tests.Lorawan;

/// <summary>
/// EU868 and US915 with the figures of shared/protocols.md (RP002 regional parameters): data rates, payload limits,
/// channels, RX windows, duty cycle per sub-band with the off-time rule, join back-off, dwell time.
/// </summary>
public class RegionTests
{
    [Fact]
    public void Eu868_has_the_default_channels_data_rates_payload_limits_and_RX2()
    {
        var region = new Eu868Region();
        var enabled = Enumerable.Range(0, region.ChannelCount).Where(region.IsChannelEnabled).ToArray();
        Assert.Equal(new[] { 0, 1, 2 }, enabled);
        Assert.Equal(new[] { 868_100_000, 868_300_000, 868_500_000 }, enabled.Select(region.ChannelFrequency));
        Assert.All(enabled, c => Assert.True(region.ChannelSupports(c, 0) && region.ChannelSupports(c, 5) && !region.ChannelSupports(c, 6)));

        // protocols.md: EU868 DR0-DR2 51 B, DR3 115 B, DR4-DR7 242 B; DR0..DR5 = SF12..SF7 at 125 kHz, DR6 SF7/250.
        var expected = new[] { (12, 125_000, 51), (11, 125_000, 51), (10, 125_000, 51), (9, 125_000, 115), (8, 125_000, 242), (7, 125_000, 242), (7, 250_000, 242) };
        for (var dr = 0; dr < expected.Length; dr++)
        {
            var rate = region.GetDataRate(dr);
            Assert.Equal(expected[dr], (rate.SpreadingFactor, rate.BandwidthHz, rate.MaxApplicationPayload));
            Assert.Equal(UplinkCheck.Allowed, region.CheckUplink(dr, rate.MaxApplicationPayload, 0));
            Assert.Equal(UplinkCheck.PayloadTooLarge, region.CheckUplink(dr, rate.MaxApplicationPayload + 1, 0));
            Assert.Equal(UplinkCheck.PayloadTooLarge, region.CheckUplink(dr, rate.MaxApplicationPayload - 2, 3));
        }

        Assert.Equal(UplinkCheck.UnknownDataRate, region.CheckUplink(7, 1, 0));
        Assert.Equal(UplinkCheck.UnknownDataRate, region.CheckUplink(-1, 1, 0));

        // protocols.md: RX2 869.525 MHz DR0.
        Assert.Equal(869_525_000, region.Rx2FrequencyHz);
        Assert.Equal(0, region.Rx2DataRate);
        Assert.Equal(868_300_000, region.Rx1FrequencyHz(1));
        Assert.Equal(3, region.Rx1DataRate(5, 2));
        Assert.Equal(0, region.Rx1DataRate(1, 3));
    }

    [Fact]
    public void Eu868_sub_bands_have_the_duty_cycles_of_protocols_md()
    {
        var bands = new Eu868Region().Bands;
        // protocols.md: 863-865 0.1 %, 865-868 1 %, 868.0-868.6 1 %, 868.7-869.2 0.1 %, 869.4-869.65 10 %, 869.7-870 1 %.
        var cases = new (int Hz, int Reciprocal)[]
        {
            (863_000_000, 1000), (864_999_999, 1000), (865_000_000, 100), (867_100_000, 100), (868_100_000, 100),
            (868_500_000, 100), (868_800_000, 1000), (869_525_000, 10), (869_850_000, 100),
        };
        foreach (var (hz, reciprocal) in cases)
        {
            Assert.True(bands.BandOf(hz) >= 0, hz + " Hz should be in a band");
            Assert.Equal(reciprocal, bands.Reciprocal(bands.BandOf(hz)));
        }

        // Gaps between bands and outside 863-870 MHz belong to none: never transmit there.
        foreach (var hz in new[] { 862_900_000, 868_650_000, 869_300_000, 869_675_000, 870_000_000 })
        {
            Assert.Equal(-1, bands.BandOf(hz));
            Assert.Equal(long.MaxValue, bands.AvailableAt(hz));
        }
    }

    [Fact]
    public void A_10_byte_uplink_at_EU868_DR0_closes_its_sub_band_for_146_8_s_after_it_ends()
    {
        // protocols.md: "A 10-byte application payload at EU868 DR0 is 1482.752 ms on air, so at 1 % the next
        // uplink may start 146.8 s later."
        var region = new Eu868Region();
        var airtime = region.UplinkAirtimeMicroseconds(0, 10, 0, LoraChip.Sx127x);
        Assert.Equal(1_482_752, airtime);

        const long start = 1_000_000;
        var channel = region.SelectChannel(start, 0, 7);
        Assert.InRange(channel, 0, 2);
        region.RecordTransmission(channel, start, airtime);

        // End of the transmission + ToA x (1/dc - 1) = 1482.752 + 146 792.448 ms, rounded up to the millisecond.
        var end = start + 1482.752;
        var reopens = region.EarliestTransmission(start, 0);
        Assert.Equal(Math.Ceiling(end + 146_792.448), reopens);
        Assert.InRange(reopens - end, 146_792.448, 146_793.448);

        // All three default channels share the 868.0-868.6 band: none may send before then, all may at it.
        Assert.Equal(-1, region.SelectChannel(reopens - 1, 0, 0));
        for (var pick = 0; pick < 3; pick++)
        {
            Assert.Equal(pick, region.SelectChannel(reopens, 0, pick));
        }
    }

    [Fact]
    public void The_join_accept_channel_list_adds_channels_in_another_sub_band()
    {
        var region = new Eu868Region();
        // CFList type 0 with The Things Network's EU868 extra channels 867.1 .. 867.9 MHz (100 Hz units, 24-bit LE).
        var list = new byte[16];
        for (var i = 0; i < 5; i++)
        {
            var units = (867_100_000 + i * 200_000) / 100;
            list[3 * i] = (byte)units;
            list[3 * i + 1] = (byte)(units >> 8);
            list[3 * i + 2] = (byte)(units >> 16);
        }

        Assert.True(region.ApplyChannelList(list));
        Assert.Equal(new[] { 868_100_000, 868_300_000, 868_500_000, 867_100_000, 867_300_000, 867_500_000, 867_700_000, 867_900_000 },
            Enumerable.Range(0, region.ChannelCount).Where(region.IsChannelEnabled).Select(region.ChannelFrequency));

        // A transmission on 868.1 MHz closes 868.0-868.6 only: the 867 MHz channels (865-868 band) stay open.
        region.RecordTransmission(0, 0, 1_482_752);
        var open = Enumerable.Range(0, 8).Select(p => region.SelectChannel(1, 0, p)).Distinct().OrderBy(c => c).ToArray();
        Assert.Equal(new[] { 3, 4, 5, 6, 7 }, open);

        // A list of the wrong type is refused and changes nothing.
        var beforeRefusal = Enumerable.Range(0, region.ChannelCount).Count(region.IsChannelEnabled);
        list[15] = 1;
        Assert.False(region.ApplyChannelList(list));
        Assert.Equal(beforeRefusal, Enumerable.Range(0, region.ChannelCount).Count(region.IsChannelEnabled));
        region.Reset();
        Assert.Equal(3, Enumerable.Range(0, region.ChannelCount).Count(region.IsChannelEnabled));
    }

    [Fact]
    public void A_device_sending_as_often_as_allowed_never_exceeds_any_sub_band_duty_cycle()
    {
        var region = new Eu868Region();
        var list = new byte[16];
        var units = 867_100_000 / 100;
        list[0] = (byte)units;
        list[1] = (byte)(units >> 8);
        list[2] = (byte)(units >> 16);
        region.ApplyChannelList(list);
        var random = new Random(868);
        var now = 0L;
        var sent = new List<(int Band, long Start, long Airtime)>();
        while (now < 24 * 3_600_000L)
        {
            var dr = random.Next(0, 6);
            var payload = random.Next(1, region.GetDataRate(dr).MaxApplicationPayload + 1);
            var channel = region.SelectChannel(now, dr, random.Next());
            if (channel < 0)
            {
                now = region.EarliestTransmission(now, dr);
                continue;
            }

            var airtime = region.UplinkAirtimeMicroseconds(dr, payload, 0, LoraChip.Sx127x);
            region.RecordTransmission(channel, now, airtime);
            sent.Add((region.Bands.BandOf(region.ChannelFrequency(channel)), now, airtime));
            now += airtime / 1000 + 1;
        }

        Assert.True(sent.Count > 500, "the run should send often: " + sent.Count);
        foreach (var group in sent.GroupBy(s => s.Band))
        {
            var reciprocal = region.Bands.Reciprocal(group.Key);
            var list2 = group.ToList();
            for (var i = 1; i < list2.Count; i++)
            {
                // Each start is at least ToA / dc after the previous one in the band: off-time ToA x (1/dc - 1).
                Assert.True((list2[i].Start - list2[i - 1].Start) * 1000 >= list2[i - 1].Airtime * reciprocal);
            }

            // And over the day the band's share of airtime stays within its duty cycle (plus the last frame).
            var total = list2.Sum(s => s.Airtime) - list2[^1].Airtime;
            Assert.True(total * reciprocal <= (list2[^1].Start - list2[0].Start) * 1000L);
        }
    }

    [Fact]
    public void Join_back_off_is_1_percent_then_0_1_percent_then_0_01_percent()
    {
        // protocols.md: "Join back-off: 1 % in the first hour, 0.1 % for the next 10 h, 0.01 % after."
        var backoff = new JoinBackoff();
        Assert.True(backoff.MayJoin(0));
        backoff.Record(0, 1_155_072);
        Assert.Equal(115_508, backoff.NextAllowed);
        Assert.False(backoff.MayJoin(115_507));
        Assert.True(backoff.MayJoin(115_508));

        const long hour = 3_600_000;
        Assert.Equal(100, backoff.ReciprocalAt(hour - 1));
        Assert.Equal(1000, backoff.ReciprocalAt(hour));
        Assert.Equal(1000, backoff.ReciprocalAt(11 * hour - 1));
        Assert.Equal(10000, backoff.ReciprocalAt(11 * hour));

        backoff.Record(2 * hour, 1_000_000);
        Assert.Equal(2 * hour + 1_000_000, backoff.NextAllowed);
        backoff.Record(12 * hour, 1_000_000);
        Assert.Equal(12 * hour + 10_000_000, backoff.NextAllowed);

        // A successful join starts the next attempt series afresh.
        backoff.Reset();
        Assert.True(backoff.MayJoin(0));
        backoff.Record(20 * hour, 1_000_000);
        Assert.Equal(20 * hour + 100_000, backoff.NextAllowed);
    }

    [Fact]
    public void Us915_starts_on_sub_band_2_with_its_data_rates_payload_limits_and_windows()
    {
        var region = new Us915Region();
        var enabled = Enumerable.Range(0, region.ChannelCount).Where(region.IsChannelEnabled).ToArray();
        Assert.Equal(new[] { 8, 9, 10, 11, 12, 13, 14, 15, 65 }, enabled);
        Assert.Equal(new[] { 903_900_000, 904_100_000, 904_300_000, 904_500_000, 904_700_000, 904_900_000, 905_100_000, 905_300_000, 904_600_000 },
            enabled.Select(region.ChannelFrequency));

        // protocols.md: US915 uplink DR0 11 B, DR1 53 B, DR2 125 B, DR3-DR4 242 B.
        var expected = new[] { (10, 125_000, 11), (9, 125_000, 53), (8, 125_000, 125), (7, 125_000, 242), (8, 500_000, 242) };
        for (var dr = 0; dr < expected.Length; dr++)
        {
            var rate = region.GetDataRate(dr);
            Assert.Equal(expected[dr], (rate.SpreadingFactor, rate.BandwidthHz, rate.MaxApplicationPayload));
            Assert.Equal(UplinkCheck.Allowed, region.CheckUplink(dr, rate.MaxApplicationPayload, 0));
            Assert.Equal(UplinkCheck.PayloadTooLarge, region.CheckUplink(dr, rate.MaxApplicationPayload + 1, 0));
            // The payload limits are what keeps every uplink under the 400 ms dwell time.
            Assert.True(region.UplinkAirtimeMicroseconds(dr, rate.MaxApplicationPayload, 0, LoraChip.Sx127x) <= 400_000);
        }

        Assert.Equal(UplinkCheck.UnknownDataRate, region.CheckUplink(5, 1, 0));

        // DR0..DR3 go out on the eight 125 kHz channels, DR4 on the 500 kHz one only.
        Assert.Equal(new[] { 8, 9, 10, 11, 12, 13, 14, 15 }, Enumerable.Range(0, 16).Select(p => region.SelectChannel(0, 0, p)).Distinct().OrderBy(c => c));
        Assert.Equal(new[] { 65 }, Enumerable.Range(0, 16).Select(p => region.SelectChannel(0, 4, p)).Distinct());

        // RX1: 923.3 + 0.6 x (channel mod 8) MHz; RX1 data rate table; RX2 923.3 MHz DR8 (SF12, 500 kHz).
        Assert.Equal(923_300_000, region.Rx1FrequencyHz(8));
        Assert.Equal(923_900_000, region.Rx1FrequencyHz(9));
        Assert.Equal(927_500_000, region.Rx1FrequencyHz(15));
        Assert.Equal(923_900_000, region.Rx1FrequencyHz(65));
        int[,] rx1 = { { 10, 9, 8, 8 }, { 11, 10, 9, 8 }, { 12, 11, 10, 9 }, { 13, 12, 11, 10 }, { 13, 13, 12, 11 } };
        for (var up = 0; up <= 4; up++)
        for (var offset = 0; offset <= 3; offset++)
        {
            Assert.Equal(rx1[up, offset], region.Rx1DataRate(up, offset));
        }

        Assert.Equal(923_300_000, region.Rx2FrequencyHz);
        Assert.Equal(8, region.Rx2DataRate);
        Assert.Equal((12, 500_000), (region.GetDataRate(8).SpreadingFactor, region.GetDataRate(8).BandwidthHz));
    }

    [Fact]
    public void Us915_channel_masks_come_from_the_CFList_or_a_sub_band()
    {
        var region = new Us915Region();
        region.UseSubBand(1);
        Assert.Equal(new[] { 0, 1, 2, 3, 4, 5, 6, 7, 64 }, Enumerable.Range(0, region.ChannelCount).Where(region.IsChannelEnabled));
        Assert.Throws<ArgumentOutOfRangeException>(() => region.UseSubBand(9));

        // CFList type 1: ChMask0..4, 16 bits LE each. Enable 16..23 (sub-band 3) and 66.
        var list = new byte[16];
        list[2] = 0xFF;
        list[8] = 0x04;
        list[15] = 1;
        Assert.True(region.ApplyChannelList(list));
        Assert.Equal(new[] { 16, 17, 18, 19, 20, 21, 22, 23, 66 }, Enumerable.Range(0, region.ChannelCount).Where(region.IsChannelEnabled));
        list[15] = 0;
        Assert.False(region.ApplyChannelList(list));
    }

    private sealed class LongDwellRegion : LorawanRegion
    {
        public LongDwellRegion()
            : base(new[] { new DataRate { SpreadingFactor = 12, BandwidthHz = 125_000, MaxApplicationPayload = 242 } }, 1)
        {
            DefineChannel(0, 915_000_000, 0, 0, true);
        }

        public override string Name => "test";
        public override int MaxUplinkDataRate => 0;
        public override long MaxDwellMicroseconds => 400_000;
        public override void RecordTransmission(int channel, long startMilliseconds, long airtimeMicroseconds) { }
        public override long ChannelAvailableAt(int channel) => 0;
        public override int Rx1FrequencyHz(int uplinkChannel) => 0;
        public override int Rx1DataRate(int uplinkDataRate, int offset) => 0;
        public override bool ApplyChannelList(byte[] channelList) => false;
        public override void Reset() { }
        public override int MaxTxPowerIndex => 0;
        public override int JoinDataRate(int attempt) => 0;
        public override bool ApplyChannelMask(bool[] enabled, int control, int mask) => false;
    }

    [Fact]
    public void An_uplink_longer_than_the_dwell_time_is_refused()
    {
        // SF12 at 125 kHz is over 400 ms with any payload (13 bytes: 1155 ms), so the dwell rule alone refuses it.
        var region = new LongDwellRegion();
        Assert.Equal(UplinkCheck.DwellTimeExceeded, region.CheckUplink(0, 0, 0));
    }

    [Fact]
    public void Choosing_channels_and_recording_transmissions_allocate_nothing()
    {
        var eu = new Eu868Region();
        var us = new Us915Region();
        eu.SelectChannel(0, 0, 1);
        us.SelectChannel(0, 0, 1);
        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < 1000; i++)
        {
            var channel = eu.SelectChannel(i * 200_000L, i % 6, i);
            if (channel >= 0)
            {
                eu.RecordTransmission(channel, i * 200_000L, eu.UplinkAirtimeMicroseconds(i % 6, 11, 0, LoraChip.Sx127x));
            }

            us.CheckUplink(i % 5, 11, 0);
            us.SelectChannel(i, i % 5, i);
            eu.EarliestTransmission(i, 0);
        }

        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
    }
}
