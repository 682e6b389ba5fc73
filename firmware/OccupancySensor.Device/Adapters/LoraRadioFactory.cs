using System.Device.Gpio;
using System.Device.Spi;
using OccupancySensor.Boards;
using OccupancySensor.Hardware;
using OccupancySensor.Lorawan.Airtime;
using OccupancySensor.Lorawan.Device;
using OccupancySensor.Radios.Sx1262;
using OccupancySensor.Radios.Sx1276;
using OccupancySensor.Runtime;

namespace OccupancySensor.Device.Adapters
{
    /// <summary>
    /// Builds the LoRa radio a board carries: routes its SPI pins, opens the SPI device and the reset (and BUSY) pins,
    /// creates the SX1276 or SX1262 driver with the board's options and starts it. Thin on purpose: every decision is
    /// in the board definition and the portable drivers.
    /// </summary>
    public static class LoraRadioFactory
    {
        // SPI mode 0 for both chips (SX1276 datasheet 4.3, SX1261/2 8.2). 8 MHz: below the SX1276's 10 MHz and the
        // SX1262's 16 MHz maximum, with margin for the board traces; a 64-byte FIFO burst takes about 70 us.
        private const int ClockFrequency = 8000000;

        /// <summary>
        /// The started radio of <paramref name="board"/>, or null when the board has none. A chip that did not answer
        /// as expected is a fault the driver records; it then refuses calls.
        /// </summary>
        public static ILoraRadio Create(BoardDefinition board, GpioController gpio, IClock clock, FaultLog faults)
        {
            if (board == null || !board.HasRadio)
            {
                return null;
            }

            Esp32PinFunctions.RouteSpi(board);
            SpiConnectionSettings settings = new SpiConnectionSettings(board.SpiBus, board.RadioChipSelectPin);
            settings.Mode = SpiMode.Mode0;
            settings.ClockFrequency = ClockFrequency;
            settings.DataBitLength = 8;
            SpiBus bus = new SpiBus(SpiDevice.Create(settings));

            GpioDigitalOutput reset = null;
            if (board.RadioResetPin >= 0)
            {
                // Opened high: NRESET is active low, the driver pulses it in Start.
                GpioPin resetPin = gpio.OpenPin(board.RadioResetPin, PinMode.Output);
                resetPin.Write(PinValue.High);
                reset = new GpioDigitalOutput(resetPin);
            }

            ThreadDelay delay = new ThreadDelay();
            if (board.RadioChip == LoraChip.Sx126x)
            {
                PolledDigitalInput busy = new PolledDigitalInput(gpio.OpenPin(board.RadioBusyPin, PinMode.Input));
                Sx1262Radio sx1262 = new Sx1262Radio(bus, reset, busy, clock, delay, faults);
                sx1262.TcxoVoltage = board.RadioTcxoVoltage;
                sx1262.Dio2AsRfSwitch = board.RadioDio2AsRfSwitch;
                sx1262.Start();
                return sx1262;
            }

            Sx1276Radio sx1276 = new Sx1276Radio(bus, reset, clock, delay, faults);
            sx1276.Start();
            return sx1276;
        }
    }
}
