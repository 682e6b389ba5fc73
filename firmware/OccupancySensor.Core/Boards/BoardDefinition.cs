using OccupancySensor.Lorawan.Airtime;

namespace OccupancySensor.Boards
{
    /// <summary>
    /// The pin map of one sensor board: which ESP32 pins the buses and sensors are wired to. The device
    /// application configures pins only from here (the wiring is documented in boards/&lt;name&gt;/README.md), so a
    /// new board is a new definition, never a search for constants through the code. -1 means "not wired".
    /// </summary>
    public sealed class BoardDefinition
    {
        /// <summary>Creates a board definition.</summary>
        public BoardDefinition(string name, string description)
        {
            Name = name;
            Description = description;
            I2cBus = 1;
            I2cDataPin = -1;
            I2cClockPin = -1;
            PirPin = -1;
            ThermalInterruptPin = -1;
            SpiBus = 1;
            SpiClockPin = -1;
            SpiMosiPin = -1;
            SpiMisoPin = -1;
            RadioChipSelectPin = -1;
            RadioResetPin = -1;
            RadioInterruptPin = -1;
            RadioBusyPin = -1;
            RadioChip = LoraChip.Sx127x;
            RadioTcxoVoltage = -1;
            ReservedPins = new int[0];
        }

        /// <summary>The name a configuration file uses (board = ...).</summary>
        public string Name { get; private set; }

        /// <summary>What the board is.</summary>
        public string Description { get; private set; }

        /// <summary>nanoFramework I2C bus id the sensors are on.</summary>
        public int I2cBus { get; internal set; }

        /// <summary>GPIO wired to SDA.</summary>
        public int I2cDataPin { get; internal set; }

        /// <summary>GPIO wired to SCL.</summary>
        public int I2cClockPin { get; internal set; }

        /// <summary>GPIO wired to the PIR output.</summary>
        public int PirPin { get; internal set; }

        /// <summary>GPIO wired to the thermal array's interrupt output (not used yet).</summary>
        public int ThermalInterruptPin { get; internal set; }

        /// <summary>nanoFramework SPI bus id of the radio.</summary>
        public int SpiBus { get; internal set; }

        /// <summary>GPIO wired to SCK.</summary>
        public int SpiClockPin { get; internal set; }

        /// <summary>GPIO wired to MOSI.</summary>
        public int SpiMosiPin { get; internal set; }

        /// <summary>GPIO wired to MISO.</summary>
        public int SpiMisoPin { get; internal set; }

        /// <summary>GPIO wired to the radio's chip select (NSS).</summary>
        public int RadioChipSelectPin { get; internal set; }

        /// <summary>GPIO wired to the radio's reset.</summary>
        public int RadioResetPin { get; internal set; }

        /// <summary>GPIO wired to the radio's interrupt (DIO0 on SX1276, DIO1 on SX1262).</summary>
        public int RadioInterruptPin { get; internal set; }

        /// <summary>GPIO wired to the radio's BUSY line (SX126x only).</summary>
        public int RadioBusyPin { get; internal set; }

        /// <summary>Which LoRa chip the board carries (meaningful when <see cref="HasRadio"/>).</summary>
        public LoraChip RadioChip { get; internal set; }

        /// <summary>
        /// SX126x only: the TCXO supply the radio drives on DIO3, as the SetDio3AsTcxoCtrl code (0x02 = 1.8 V), or -1
        /// for a crystal.
        /// </summary>
        public int RadioTcxoVoltage { get; internal set; }

        /// <summary>SX126x only: whether DIO2 drives the antenna switch.</summary>
        public bool RadioDio2AsRfSwitch { get; internal set; }

        /// <summary>
        /// GPIOs the board itself uses for other parts (display, LED, button, power switch, USB-UART, flash, strapping,
        /// battery sense): nothing of the sensor or radio wiring may be put on them.
        /// </summary>
        public int[] ReservedPins { get; internal set; }

        /// <summary>Whether the board has a LoRa radio.</summary>
        public bool HasRadio
        {
            get { return RadioChipSelectPin >= 0; }
        }
    }
}
