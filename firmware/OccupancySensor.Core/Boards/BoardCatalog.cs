using OccupancySensor.Lorawan.Airtime;
using OccupancySensor.Radios.Sx1262;

namespace OccupancySensor.Boards
{
    /// <summary>The boards this firmware knows, by the name a configuration file gives (board = ...).</summary>
    public static class BoardCatalog
    {
        /// <summary>Name of the first board: ESP32-DevKitC with an AMG8833, an HC-SR501 and a BME280.</summary>
        public const string Esp32DevKitCAmg8833 = "esp32-devkitc-amg8833";

        /// <summary>Heltec WiFi LoRa 32 V2 (ESP32 + SX1276) with the AMG8833, PIR and BME280 add-ons.</summary>
        public const string HeltecWifiLora32V2 = "heltec-wifi-lora-32-v2";

        /// <summary>Heltec WiFi LoRa 32 V3 (ESP32-S3 + SX1262) with the AMG8833, PIR and BME280 add-ons.</summary>
        public const string HeltecWifiLora32V3 = "heltec-wifi-lora-32-v3";

        /// <summary>Names of every known board.</summary>
        public static string[] Names
        {
            get { return new string[] { Esp32DevKitCAmg8833, HeltecWifiLora32V2, HeltecWifiLora32V3 }; }
        }

        /// <summary>The definition of board <paramref name="name"/>, or null when there is none.</summary>
        public static BoardDefinition Find(string name)
        {
            if (name == Esp32DevKitCAmg8833)
            {
                // Wiring: boards/esp32-devkitc-amg8833/README.md. I2C1 is remapped to 21/22, the DevKitC's usual
                // I2C pins; the nanoFramework ESP32 default for I2C1 is 18/19.
                BoardDefinition board = new BoardDefinition(
                    Esp32DevKitCAmg8833,
                    "ESP32-DevKitC (ESP32-WROOM-32) with AMG8833, HC-SR501 PIR and BME280 on I2C1");
                board.I2cBus = 1;
                board.I2cDataPin = 21;
                board.I2cClockPin = 22;
                board.PirPin = 27;
                board.ThermalInterruptPin = 26;

                // Strapping pins 0, 2, 5, 12, 15; UART0 (USB bridge) 1, 3; SPI flash 6-11.
                board.ReservedPins = new int[] { 0, 1, 2, 3, 5, 6, 7, 8, 9, 10, 11, 12, 15 };
                return board;
            }

            if (name == HeltecWifiLora32V2)
            {
                return HeltecV2();
            }

            if (name == HeltecWifiLora32V3)
            {
                return HeltecV3();
            }

            return null;
        }

        // Wiring: boards/heltec-wifi-lora-32-v2/README.md. The SX1276 is wired on the board (Heltec pin map and
        // schematic): NSS 18, SCK 5, MOSI 27, MISO 19, RST 14, DIO0 26. The OLED takes I2C on 4/15 with reset 16 and
        // GPIO21 is Vext (the switched 3.3 V of the OLED and the Ve header pins), so the sensors get their own I2C pins,
        // 23/22, and the PIR 17.
        private static BoardDefinition HeltecV2()
        {
            BoardDefinition board = new BoardDefinition(
                HeltecWifiLora32V2,
                "Heltec WiFi LoRa 32 V2 (ESP32 + SX1276) with AMG8833, PIR and BME280 on I2C1");
            board.I2cBus = 1;
            board.I2cDataPin = 23;
            board.I2cClockPin = 22;
            board.PirPin = 17;
            board.SpiBus = 1;
            board.SpiClockPin = 5;
            board.SpiMosiPin = 27;
            board.SpiMisoPin = 19;
            board.RadioChipSelectPin = 18;
            board.RadioResetPin = 14;
            board.RadioInterruptPin = 26;
            board.RadioChip = LoraChip.Sx127x;

            // 0 PRG button and strapping, 2 and 12 strapping, 1/3 UART0 to the CP2102, 4/15/16 OLED, 21 Vext, 25 LED,
            // 6-11 SPI flash, 13 (V2.0) and 37 (V2.1) battery sense, 32-35 the SX1276 DIO1/DIO2 on either revision.
            board.ReservedPins = new int[] { 0, 1, 2, 3, 4, 6, 7, 8, 9, 10, 11, 12, 13, 15, 16, 21, 25, 32, 33, 34, 35, 37 };
            return board;
        }

        // Wiring: boards/heltec-wifi-lora-32-v3/README.md. The SX1262 is wired on the board: NSS 8, SCK 9, MOSI 10,
        // MISO 11, RST 12, BUSY 13, DIO1 14, a 1.8 V TCXO on DIO3 and the antenna switch on DIO2. The OLED takes I2C on
        // 17/18 with reset 21; the sensors use Heltec's second I2C pins 41/42 and the PIR GPIO7.
        private static BoardDefinition HeltecV3()
        {
            BoardDefinition board = new BoardDefinition(
                HeltecWifiLora32V3,
                "Heltec WiFi LoRa 32 V3 (ESP32-S3 + SX1262) with AMG8833, PIR and BME280 on I2C1");
            board.I2cBus = 1;
            board.I2cDataPin = 41;
            board.I2cClockPin = 42;
            board.PirPin = 7;
            board.SpiBus = 1;
            board.SpiClockPin = 9;
            board.SpiMosiPin = 10;
            board.SpiMisoPin = 11;
            board.RadioChipSelectPin = 8;
            board.RadioResetPin = 12;
            board.RadioInterruptPin = 14;
            board.RadioBusyPin = 13;
            board.RadioChip = LoraChip.Sx126x;
            board.RadioTcxoVoltage = Sx1262Commands.Tcxo1V8;
            board.RadioDio2AsRfSwitch = true;

            // 0 PRG button and strapping, 3/45/46 strapping, 1 battery sense and 37 its switch, 17/18/21 OLED, 19/20 USB,
            // 26-32 SPI flash, 35 LED, 36 Vext, 43/44 UART0 to the CP2102.
            board.ReservedPins = new int[] { 0, 1, 3, 17, 18, 19, 20, 21, 26, 27, 28, 29, 30, 31, 32, 35, 36, 37, 43, 44, 45, 46 };
            return board;
        }
    }
}
