namespace OccupancySensor.Boards
{
    /// <summary>The boards this firmware knows, by the name a configuration file gives (board = ...).</summary>
    public static class BoardCatalog
    {
        /// <summary>Name of the first board: ESP32-DevKitC with an AMG8833, an HC-SR501 and a BME280.</summary>
        public const string Esp32DevKitCAmg8833 = "esp32-devkitc-amg8833";

        /// <summary>Names of every known board.</summary>
        public static string[] Names
        {
            get { return new string[] { Esp32DevKitCAmg8833 }; }
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
                return board;
            }

            return null;
        }
    }
}
