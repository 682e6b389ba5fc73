using nanoFramework.Hardware.Esp32;
using OccupancySensor.Boards;
using PinConfiguration = nanoFramework.Hardware.Esp32.Configuration;

namespace OccupancySensor.Device.Adapters
{
    /// <summary>
    /// Routes the ESP32's I2C and SPI signals to the pins a board definition names (the ESP32 GPIO matrix lets any
    /// pin carry them). Must run before the bus device is created.
    /// </summary>
    public static class Esp32PinFunctions
    {
        /// <summary>Routes I2C1 or I2C2 to the board's SDA and SCL pins.</summary>
        public static void RouteI2c(BoardDefinition board)
        {
            if (board.I2cDataPin < 0 || board.I2cClockPin < 0)
            {
                return;
            }

            bool first = board.I2cBus == 1;
            PinConfiguration.SetPinFunction(board.I2cDataPin, first ? DeviceFunction.I2C1_DATA : DeviceFunction.I2C2_DATA);
            PinConfiguration.SetPinFunction(board.I2cClockPin, first ? DeviceFunction.I2C1_CLOCK : DeviceFunction.I2C2_CLOCK);
        }

        /// <summary>Routes SPI1 or SPI2 to the board's radio pins.</summary>
        public static void RouteSpi(BoardDefinition board)
        {
            if (!board.HasRadio)
            {
                return;
            }

            bool first = board.SpiBus == 1;
            PinConfiguration.SetPinFunction(board.SpiClockPin, first ? DeviceFunction.SPI1_CLOCK : DeviceFunction.SPI2_CLOCK);
            PinConfiguration.SetPinFunction(board.SpiMosiPin, first ? DeviceFunction.SPI1_MOSI : DeviceFunction.SPI2_MOSI);
            PinConfiguration.SetPinFunction(board.SpiMisoPin, first ? DeviceFunction.SPI1_MISO : DeviceFunction.SPI2_MISO);
        }
    }
}
