using OccupancySensor.Lorawan.Regions;

namespace OccupancySensor.Tests.Lorawan;

/// <summary>
/// Checks captured transmissions against the EU868 sub-band duty cycles from their start times and airtimes alone:
/// after each transmission in a band, the next may start only ToA x (1/dc - 1) after its end, that is ToA / dc after
/// its start.
/// </summary>
internal static class DutyCycleCheck
{
    /// <summary>Asserts no band was ever over its duty cycle; returns each band's share of airtime.</summary>
    public static Dictionary<int, double> AssertNeverOver(IEnumerable<(long Start, int FrequencyHz, long AirtimeMicroseconds)> sent)
    {
        var bands = new Eu868Region().Bands;
        var use = new Dictionary<int, double>();
        var all = sent.ToList();
        if (all.Count == 0)
        {
            return use;
        }

        foreach (var group in all.GroupBy(t => bands.BandOf(t.FrequencyHz)))
        {
            Assert.True(group.Key >= 0, "transmitted outside every EU868 sub-band");
            var list = group.OrderBy(t => t.Start).ToList();
            for (var i = 1; i < list.Count; i++)
            {
                Assert.True((list[i].Start - list[i - 1].Start) * 1000 >= list[i - 1].AirtimeMicroseconds * bands.Reciprocal(group.Key),
                    "transmission at " + list[i].Start + " ms breaks the duty cycle of its band");
            }

            // The band's airtime over the time from its first start to the end of the off-time after its last packet.
            var last = list[^1];
            var span = (last.Start * 1000.0) + (last.AirtimeMicroseconds * (double)bands.Reciprocal(group.Key)) - (list[0].Start * 1000.0);
            use[group.Key] = list.Sum(t => t.AirtimeMicroseconds) / span;
        }

        return use;
    }
}
