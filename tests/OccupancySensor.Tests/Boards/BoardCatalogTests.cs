using OccupancySensor.Boards;
using OccupancySensor.Configuration;
using OccupancySensor.Lorawan.Airtime;
using OccupancySensor.Tests.Configuration;

namespace OccupancySensor.Tests.Boards;

/// <summary>
/// The board definitions: every pin used once, none on a pin the board itself needs, the radio wiring as the Heltec
/// pin maps publish it, and a LoRaWAN configuration accepted on the radio boards.
/// </summary>
public sealed class BoardCatalogTests
{
    public static TheoryData<string> BoardNames()
    {
        var data = new TheoryData<string>();
        foreach (var name in BoardCatalog.Names)
        {
            data.Add(name);
        }

        return data;
    }

    private static List<(string Role, int Pin)> UsedPins(BoardDefinition board) =>
        new List<(string, int)>
        {
            ("I2C SDA", board.I2cDataPin),
            ("I2C SCL", board.I2cClockPin),
            ("PIR", board.PirPin),
            ("thermal INT", board.ThermalInterruptPin),
            ("SPI SCK", board.SpiClockPin),
            ("SPI MOSI", board.SpiMosiPin),
            ("SPI MISO", board.SpiMisoPin),
            ("radio NSS", board.RadioChipSelectPin),
            ("radio RESET", board.RadioResetPin),
            ("radio IRQ", board.RadioInterruptPin),
            ("radio BUSY", board.RadioBusyPin),
        }.Where(p => p.Item2 >= 0).ToList();

    [Theory]
    [MemberData(nameof(BoardNames))]
    public void Every_pin_is_used_once_and_none_is_a_pin_the_board_needs_itself(string name)
    {
        var board = BoardCatalog.Find(name);
        Assert.NotNull(board);
        Assert.Equal(name, board!.Name);

        var used = UsedPins(board);
        var clashes = used.GroupBy(p => p.Pin).Where(g => g.Count() > 1).Select(g => string.Join(" and ", g.Select(p => p.Role)) + " on GPIO" + g.Key);
        Assert.Empty(clashes);
        Assert.Empty(used.Where(p => board.ReservedPins.Contains(p.Pin)).Select(p => p.Role + " on reserved GPIO" + p.Pin));
        Assert.All(used, p => Assert.InRange(p.Pin, 0, 48));
    }

    [Theory]
    [InlineData(BoardCatalog.Esp32DevKitCAmg8833)]
    [InlineData(BoardCatalog.HeltecWifiLora32V2)]
    public void ESP32_boards_drive_no_output_from_an_input_only_pin(string name)
    {
        // On the ESP32 (not the S3), GPIO34-39 are inputs only: no clock, data, chip select or reset there.
        var board = BoardCatalog.Find(name)!;
        int[] outputs = { board.I2cDataPin, board.I2cClockPin, board.SpiClockPin, board.SpiMosiPin, board.RadioChipSelectPin, board.RadioResetPin };
        Assert.DoesNotContain(outputs, pin => pin >= 34 && pin <= 39);
    }

    [Fact]
    public void Heltec_V2_radio_wiring_is_the_published_SX1276_pin_map()
    {
        var board = BoardCatalog.Find(BoardCatalog.HeltecWifiLora32V2)!;

        Assert.True(board.HasRadio);
        Assert.Equal(LoraChip.Sx127x, board.RadioChip);
        Assert.Equal((18, 5, 27, 19, 14, 26), (board.RadioChipSelectPin, board.SpiClockPin, board.SpiMosiPin, board.SpiMisoPin, board.RadioResetPin, board.RadioInterruptPin));
        Assert.Equal(-1, board.RadioBusyPin);

        // The OLED (SDA 4, SCL 15, RST 16) and Vext (21) belong to the board.
        Assert.Subset(board.ReservedPins.ToHashSet(), new HashSet<int> { 4, 15, 16, 21 });
    }

    [Fact]
    public void Heltec_V3_radio_wiring_is_the_published_SX1262_pin_map()
    {
        var board = BoardCatalog.Find(BoardCatalog.HeltecWifiLora32V3)!;

        Assert.True(board.HasRadio);
        Assert.Equal(LoraChip.Sx126x, board.RadioChip);
        Assert.Equal((8, 9, 10, 11, 12, 13, 14), (board.RadioChipSelectPin, board.SpiClockPin, board.SpiMosiPin, board.SpiMisoPin, board.RadioResetPin, board.RadioBusyPin, board.RadioInterruptPin));
        Assert.Equal(0x02, board.RadioTcxoVoltage); // 1.8 V TCXO on DIO3
        Assert.True(board.RadioDio2AsRfSwitch);
        Assert.Subset(board.ReservedPins.ToHashSet(), new HashSet<int> { 17, 18, 21, 36 }); // OLED and Vext
    }

    [Fact]
    public void The_first_board_has_no_radio()
    {
        Assert.False(BoardCatalog.Find(BoardCatalog.Esp32DevKitCAmg8833)!.HasRadio);
        Assert.Null(BoardCatalog.Find("heltec-wifi-lora-32-v1"));
    }

    [Theory]
    [InlineData(BoardCatalog.HeltecWifiLora32V2)]
    [InlineData(BoardCatalog.HeltecWifiLora32V3)]
    public void A_LoRaWAN_configuration_is_accepted_on_the_Heltec_boards(string name)
    {
        var text = SampleConfigurations.DeskWith("board", "board = " + name)
            .Replace("uplink = mqtt", "uplink = lorawan")
            .Replace("uplink.mqtt.host = broker.example", "uplink.lorawan.dev_eui = 70B3D57ED0000001")
            .Replace("uplink.mqtt.port = 8883", "uplink.lorawan.join_eui = 0000000000000000\nuplink.lorawan.app_key = 2B7E151628AED2A6ABF7158809CF4F3C");

        var result = ConfigurationParser.Parse(text);

        Assert.Empty(result.Issues.Select(i => i.Key + ": " + i.Message));
    }
}
