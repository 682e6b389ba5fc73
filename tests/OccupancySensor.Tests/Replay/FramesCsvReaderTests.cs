using OccupancySensor.HostSim.Replay;

namespace OccupancySensor.Tests.Replay;

public class FramesCsvReaderTests
{
    private static string Header(int pixels) => "t_s,ambient_c," + string.Join(',', Enumerable.Range(0, pixels).Select(i => "p" + i));

    private static string Row(double t, string ambient, int pixels, Func<int, string> pixel) =>
        FormattableString.Invariant($"{t:F3},{ambient},") + string.Join(',', Enumerable.Range(0, pixels).Select(pixel));

    private static FramesCsvReader Open(string text, FrameSize? size = null) => new(new StringReader(text), "rec.csv", size);

    [Fact]
    public void Reads_frames_in_order_into_one_preallocated_frame()
    {
        var text = Header(64) + "\n" + Row(0, "", 64, i => (20 + (i * 0.25)).ToString(System.Globalization.CultureInfo.InvariantCulture)) +
                   "\n" + Row(0.1, "21.5", 64, _ => "22.75") + "\n";
        using var reader = Open(text);
        Assert.Equal("8x8", reader.Size.ToString());
        var frame = reader.Frame;
        Assert.True(reader.ReadNext());
        Assert.Equal(20f, frame.Pixels[0]);
        Assert.Equal(35.75f, frame.Pixels[63]);
        Assert.True(float.IsNaN(reader.AmbientCelsius));
        Assert.True(reader.ReadNext());
        Assert.Same(frame, reader.Frame);
        Assert.Equal(100, frame.TimestampMilliseconds);
        Assert.Equal(21.5f, reader.AmbientCelsius);
        Assert.Equal(22.75f, frame.Pixels[10]);
        Assert.False(reader.ReadNext());
        Assert.Equal(2, reader.FramesRead);
    }

    [Theory]
    [InlineData(192, 16, 12)]
    [InlineData(768, 32, 24)]
    [InlineData(1024, 32, 32)]
    public void The_size_follows_from_the_pixel_count(int pixels, int width, int height)
    {
        using var reader = Open(Header(pixels) + "\n");
        Assert.Equal((width, height), (reader.Size.Width, reader.Size.Height));
    }

    [Fact]
    public void An_explicit_size_must_match_the_columns()
    {
        var error = Assert.Throws<RecordingFormatException>(() => Open(Header(64) + "\n", FrameSize.Parse("16x12")));
        Assert.Equal(1, error.Line);
        Assert.Contains("--size 16x12 means 192", error.Message);
        using var reader = Open(Header(48) + "\n" + Row(0, "", 48, _ => "20") + "\n", FrameSize.Parse("8x6"));
        Assert.True(reader.ReadNext());
        Assert.Equal(8, reader.Frame.Width);
    }

    [Theory]
    [InlineData("0.0,,20,20", "4 columns, expected 66")]
    [InlineData("abc,,PIXELS", "t_s is 'abc', not a number")]
    [InlineData("0.0,,NaN,PIXELS", "p0 is 'NaN', not a number")]
    [InlineData("0.0,,150,PIXELS", "p0 = 150 °C is outside the 8x8 sensor's range")]
    [InlineData("0.0,warm,PIXELS", "ambient_c is 'warm', not a number")]
    public void Bad_rows_stop_the_replay_naming_the_line(string row, string expected)
    {
        var pixels = string.Join(',', Enumerable.Repeat("20", row.Contains("NaN") || row.Contains("150") ? 63 : 64));
        var text = Header(64) + "\n" + Row(0, "", 64, _ => "20") + "\n" + row.Replace("PIXELS", pixels) + "\n";
        using var reader = Open(text);
        Assert.True(reader.ReadNext());
        var error = Assert.Throws<RecordingFormatException>(() => reader.ReadNext());
        Assert.Equal(3, error.Line);
        Assert.StartsWith("rec.csv, line 3: ", error.Message);
        Assert.Contains(expected, error.Message);
    }

    [Fact]
    public void Time_going_backwards_is_an_error()
    {
        var text = Header(64) + "\n" + Row(1, "", 64, _ => "20") + "\n" + Row(0.5, "", 64, _ => "20") + "\n";
        using var reader = Open(text);
        reader.ReadNext();
        Assert.Contains("goes backwards", Assert.Throws<RecordingFormatException>(() => reader.ReadNext()).Message);
    }

    [Theory]
    [InlineData("t,ambient_c,p0")]
    [InlineData("t_s,ambient_c,p0,p2")]
    [InlineData("")]
    public void A_bad_header_is_an_error_on_line_1(string header)
    {
        Assert.Equal(header.Length == 0 ? 0 : 1, Assert.Throws<RecordingFormatException>(() => Open(header + (header.Length == 0 ? "" : "\n"))).Line);
    }

    [Fact]
    public void An_unknown_pixel_count_asks_for_a_size()
    {
        Assert.Contains("give --size", Assert.Throws<RecordingFormatException>(() => Open(Header(50) + "\n")).Message);
    }
}
