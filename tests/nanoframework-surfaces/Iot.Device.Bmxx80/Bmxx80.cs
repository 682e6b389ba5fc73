// Surface of Iot.Device.Bmxx80 (package nanoFramework.Iot.Device.Bmxx80, 1.x line).
// Checked against nanoframework/nanoFramework.IoT.Device devices/Bmxx80: Bmxx80Base.cs @ 0dc14d6208285c50cfcd394c30ca1ea16756ec9f,
// Bmx280Base.cs @ 09acd2b7f448b8a4dd3b76886b35eab608a5cb4a, Bme280.cs @ b896135f710ca97346ce13f37658fd6620aa472b,
// ReadResult/Bme280ReadResult.cs @ a7a87ad9b3737555f68cf214c885e3333ff573b3, ReadResult/Bmp280ReadResult.cs @ 0db98a7d96f077b18d8ab2522c2bc6c9e6d0745f,
// Sampling.cs, StandbyTime.cs, FilteringMode/Bmx280FilteringMode.cs, PowerMode/Bmx280PowerMode.cs.
// Left out: TryReadAltitude (needs UnitsNet.Length), ReadStatus (DeviceStatus), protected and virtual plumbing.
using System;
using System.Device.I2c;
using Iot.Device.Bmxx80.FilteringMode;
using Iot.Device.Bmxx80.PowerMode;
using Iot.Device.Bmxx80.ReadResult;
using UnitsNet;

namespace Iot.Device.Bmxx80
{
    public abstract class Bmxx80Base : IDisposable
    {
        protected Bmxx80Base(byte deviceId, I2cDevice i2cDevice) { throw null; }

        public Sampling PressureSampling { get { throw null; } set { throw null; } }

        public Sampling TemperatureSampling { get { throw null; } set { throw null; } }

        public void Reset() { throw null; }

        public abstract bool TryReadTemperature(out Temperature temperature);

        public abstract bool TryReadPressure(out Pressure pressure);

        public void Dispose() { throw null; }
    }

    public abstract class Bmx280Base : Bmxx80Base
    {
        public const byte DefaultI2cAddress = 0x77;

        public const byte SecondaryI2cAddress = 0x76;

        protected Bmx280Base(byte deviceId, I2cDevice i2cDevice) : base(deviceId, i2cDevice) { throw null; }

        public Bmx280FilteringMode FilterMode { get { throw null; } set { throw null; } }

        public StandbyTime StandbyTime { get { throw null; } set { throw null; } }

        public override bool TryReadTemperature(out Temperature temperature) { throw null; }

        public override bool TryReadPressure(out Pressure pressure) { throw null; }

        public Bmx280PowerMode ReadPowerMode() { throw null; }

        public void SetPowerMode(Bmx280PowerMode powerMode) { throw null; }

        public virtual int GetMeasurementDuration() { throw null; }
    }

    public class Bme280 : Bmx280Base
    {
        public Bme280(I2cDevice i2cDevice) : base(0, i2cDevice) { throw null; }

        public Sampling HumiditySampling { get { throw null; } set { throw null; } }

        public bool TryReadHumidity(out RelativeHumidity humidity) { throw null; }

        public override int GetMeasurementDuration() { throw null; }

        public Bme280ReadResult Read() { throw null; }
    }

    public enum Sampling : byte
    {
        Skipped = 0b000,
        UltraLowPower = 0b001,
        LowPower = 0b010,
        Standard = 0b011,
        HighResolution = 0b100,
        UltraHighResolution = 0b101,
    }

    public enum StandbyTime : byte
    {
        Ms0_5 = 0b000,
        Ms62_5 = 0b001,
        Ms125 = 0b010,
        Ms250 = 0b011,
        Ms500 = 0b100,
        Ms1000 = 0b101,
        Ms10 = 0b110,
        Ms20 = 0b111,
    }
}

namespace Iot.Device.Bmxx80.FilteringMode
{
    public enum Bmx280FilteringMode : byte
    {
        Off = 0b000,
        X2 = 0b001,
        X4 = 0b010,
        X8 = 0b011,
        X16 = 0b100
    }
}

namespace Iot.Device.Bmxx80.PowerMode
{
    public enum Bmx280PowerMode : byte
    {
        Sleep = 0b00,
        Forced = 0b10,
        Normal = 0b11
    }
}

namespace Iot.Device.Bmxx80.ReadResult
{
    public class Bmp280ReadResult
    {
        public Bmp280ReadResult(Temperature temperature, bool temperatureIsValid, Pressure pressure, bool pressureIsValid) { throw null; }

        public Temperature Temperature { get { throw null; } }

        public bool TemperatureIsValid { get { throw null; } }

        public Pressure Pressure { get { throw null; } }

        public bool PressureIsValid { get { throw null; } }
    }

    public class Bme280ReadResult : Bmp280ReadResult
    {
        public Bme280ReadResult(Temperature temperature, bool temperatureIsValid, Pressure pressure, bool pressureIsValid, RelativeHumidity humidity, bool humidityIsValid)
            : base(temperature, temperatureIsValid, pressure, pressureIsValid) { throw null; }

        public RelativeHumidity Humidity { get { throw null; } }

        public bool HumidityIsValid { get { throw null; } set { throw null; } }
    }
}
