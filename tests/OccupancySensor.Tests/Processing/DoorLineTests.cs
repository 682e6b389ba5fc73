using OccupancySensor.Processing;

namespace OccupancySensor.Tests.Processing;

public class DoorLineTests
{
    private static DoorLine Parse(string text, int width = 8, int height = 8)
    {
        var line = DoorLine.Parse(text, width, height, out var error);
        Assert.True(line != null, error);
        Assert.Null(error);
        return line!;
    }

    private static string Refused(string text, int width = 8, int height = 8)
    {
        var line = DoorLine.Parse(text, width, height, out var error);
        Assert.Null(line);
        Assert.False(string.IsNullOrEmpty(error));
        return error!;
    }

    [Fact]
    public void A_line_between_columns()
    {
        var line = Parse("x=4");
        Assert.True(line.IsSet);
        Assert.True(line.AlongColumns);
        Assert.Equal(4, line.Index);
        Assert.False(line.Reversed);
        Assert.Equal(3.5f, line.Position);
        Assert.Equal("x=4", line.ToString());
    }

    [Fact]
    public void A_reversed_line_between_rows()
    {
        var line = Parse("y=2,in=-");
        Assert.True(line.IsSet);
        Assert.False(line.AlongColumns);
        Assert.Equal(2, line.Index);
        Assert.True(line.Reversed);
        Assert.Equal(1.5f, line.Position);
        Assert.Equal("y=2,in=-", line.ToString());
    }

    [Fact]
    public void In_plus_is_the_default_direction_and_spaces_around_the_option_are_allowed()
    {
        Assert.False(Parse("x=3,in=+").Reversed);
        Assert.True(Parse("x=3, in=-").Reversed);
        Assert.Equal("x=3", Parse("x=3 ,in=+").ToString());
    }

    [Fact]
    public void None_is_no_line()
    {
        var line = Parse("none");
        Assert.False(line.IsSet);
        Assert.Equal("none", line.ToString());
        Assert.False(DoorLine.None.IsSet);
    }

    [Fact]
    public void Every_line_inside_the_view_parses_and_round_trips()
    {
        foreach (var (width, height) in new[] { (8, 8), (16, 12), (32, 24) })
        {
            for (int k = 1; k < width; k++)
            {
                foreach (var suffix in new[] { "", ",in=-" })
                {
                    var line = Parse("x=" + k + suffix, width, height);
                    Assert.Equal(k - 0.5f, line.Position);
                    Assert.Equal(line.ToString(), Parse(line.ToString(), width, height).ToString());
                    Assert.Equal("x=" + k + suffix, line.ToString());
                }
            }

            for (int k = 1; k < height; k++)
            {
                Assert.Equal("y=" + k, Parse("y=" + k, width, height).ToString());
            }
        }
    }

    [Theory]
    [InlineData("x=0", "1 to 7")]
    [InlineData("x=8", "1 to 7")]
    [InlineData("x=-1", "1 to 7")]
    [InlineData("y=8", "1 to 7")]
    [InlineData("x=four", "got 'four'")]
    [InlineData("x=", "x=K or y=K")]
    [InlineData("z=3", "x=K or y=K")]
    [InlineData("x3", "x=K or y=K")]
    [InlineData("", "x=K or y=K")]
    [InlineData("X=3", "x=K or y=K")]
    [InlineData("x=3,in=left", "in=- or in=+")]
    [InlineData("x=3,", "in=- or in=+")]
    public void Lines_outside_the_view_or_misspelt_are_refused_with_the_reason(string text, string reason)
    {
        var error = Refused(text);
        Assert.Contains(reason, error);
    }

    [Fact]
    public void The_range_in_the_message_follows_the_view()
    {
        var error = Refused("y=12", 16, 12);
        Assert.Contains("1 to 11", error);
        Assert.Contains("16x12", error);
        Assert.Contains("'12'", error);
        Assert.NotNull(DoorLine.Parse("x=12", 16, 12, out _));
        Assert.Contains("1 to 15", Refused("x=16", 16, 12));
    }
}
