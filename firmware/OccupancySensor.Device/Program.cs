using System;
using System.Device.Gpio;
using System.Device.I2c;
using System.Diagnostics;
using System.Security.Cryptography.X509Certificates;
using System.Threading;
using Iot.Device.Bmxx80;
using nanoFramework.M2Mqtt;
using nanoFramework.M2Mqtt.Messages;
using nanoFramework.Runtime.Native;
using OccupancySensor.Boards;
using OccupancySensor.Configuration;
using OccupancySensor.Device.Adapters;
using OccupancySensor.Lorawan.Airtime;
using OccupancySensor.Lorawan.Device;
using OccupancySensor.Lorawan.Regions;
using OccupancySensor.Lorawan.Uplink;
using OccupancySensor.Readings;
using OccupancySensor.Runtime;
using OccupancySensor.Storage;
using OccupancySensor.Uplink;

namespace OccupancySensor.Device
{
    /// <summary>
    /// Entry point on the ESP32: load the configuration from I:\, wire the board's buses and sensors through the
    /// adapters, then run the portable sampling loop forever. All decisions live in OccupancySensor.Core; this file
    /// only connects real hardware to it.
    /// </summary>
    public static class Program
    {
        // Without an uplink, readings are only kept in RAM for the serial log: 64 x ~48 bytes = 3 KB.
        private const int LocalQueueCapacity = 64;

        private static readonly AutoResetEvent Wake = new AutoResetEvent(false);

        /// <summary>Starts the unit.</summary>
        public static void Main()
        {
            TickCountClock clock = new TickCountClock();
            FaultLog faults = new FaultLog();
            LittleFsFileStore files = new LittleFsFileStore("I:\\");
            ConfigurationStore configurationStore = new ConfigurationStore(files, faults, clock);
            if (!configurationStore.Load())
            {
                Debug.WriteLine("configuration rejected, running on the last good one: " + configurationStore.LastRejection);
            }

            DeviceConfiguration configuration = configurationStore.Active;
            BoardDefinition board = BoardCatalog.Find(configuration.Board);
            if (board == null)
            {
                board = BoardCatalog.Find(BoardCatalog.Esp32DevKitCAmg8833);
            }

            SensorHardware hardware = new SensorHardware();
            hardware.Clock = clock;

            // One controller for every pin the unit opens (the PIR, the radio's reset and BUSY lines).
            GpioController gpio = new GpioController();
            Esp32PinFunctions.RouteI2c(board);
            if (configuration.Thermal == ThermalSensorKind.Amg8833)
            {
                hardware.ThermalBus = new I2cRegisterBus(
                    I2cDevice.Create(new I2cConnectionSettings(board.I2cBus, configuration.ThermalAddress, I2cBusSpeed.FastMode)));
            }

            if (configuration.PirPresent && board.PirPin >= 0)
            {
                GpioPin pin = gpio.OpenPin(board.PirPin, PinMode.Input);
                GpioDigitalInput pir = new GpioDigitalInput(pin);
                pir.EdgeDetected += OnPirEdge;
                hardware.Pir = pir;
            }

            if (configuration.Ambient == AmbientSensorKind.Bme280)
            {
                hardware.Ambient = OpenBme280(board, configuration, faults, clock.NowMilliseconds);
            }

            IReadingSink sink;
            UplinkPublisher publisher = null;
            LorawanUplinkPublisher lorawan = null;
            ReadingLog lorawanLog = null;
            if (configuration.Uplink == UplinkKind.Mqtt)
            {
                UplinkTopics topics = new UplinkTopics(configuration);
                X509Certificate ca = null;
                X509Certificate2 own = null;
                if (configuration.MqttTls)
                {
                    try
                    {
                        ca = TlsCertificateFiles.LoadCa(files);
                        own = TlsCertificateFiles.LoadClient(files);
                    }
                    catch (Exception)
                    {
                        // A damaged certificate file: say so; the unit keeps sampling and storing readings.
                        faults.Record(clock.NowMilliseconds, FaultSource.Configuration, FaultCode.Invalid, "MQTT certificate files");
                    }
                }

                MqttClient client = new MqttClient(
                    configuration.MqttHost,
                    configuration.MqttPort,
                    configuration.MqttTls,
                    ca,
                    own,
                    configuration.MqttTls ? MqttSslProtocols.TLSv1_2 : MqttSslProtocols.None);
                M2MqttTransport transport = new M2MqttTransport(
                    client,
                    configuration.DeviceId,
                    configuration.MqttUsername,
                    configuration.MqttPassword,
                    topics.Status,
                    topics.Commands);
                // Every reading goes to the flash log on I:\ first; it is released when the broker acknowledged it.
                ReadingLog log = ReadingLog.OpenFor(configuration, files, clock, faults);
                publisher = new UplinkPublisher(configuration, transport, clock, faults, log);
                sink = publisher;
            }
            else if (configuration.Uplink == UplinkKind.LoRaWan)
            {
                // As for MQTT, every reading goes to the flash log on I:\ first; the LoRaWAN counters live beside it.
                lorawanLog = ReadingLog.OpenFor(configuration, files, clock, faults);
                lorawan = OpenLorawan(configuration, board, gpio, files, lorawanLog, faults, clock);
                if (lorawan != null)
                {
                    sink = lorawan;
                }
                else
                {
                    // No radio: the readings are still stored (and numbered) on flash, to be sent once one works.
                    sink = new OutboundReadings(lorawanLog);
                }
            }
            else
            {
                sink = new ReadingQueue(LocalQueueCapacity);
            }

            SensorUnit unit = new SensorUnit(configuration, hardware, sink, faults);
            CommandProcessor commands = null;
            if (publisher != null)
            {
                commands = new CommandProcessor(unit, publisher, configurationStore);
                publisher.Commands = commands;
            }
            else if (lorawan != null)
            {
                // Downlink commands run through the same processor as MQTT commands.
                commands = new CommandProcessor(unit, lorawanLog, configurationStore);
                lorawan.Commands = commands;
            }

            Debug.WriteLine("sensor unit " + configuration.DeviceId + " running on " + board.Name +
                            ", " + unit.AllocatedBytes + " bytes preallocated");
            while (true)
            {
                int sleep = unit.Step();
                if (publisher != null)
                {
                    publisher.Step();
                    if (commands.RestartRequested && !publisher.ResponsePending)
                    {
                        // A new configuration was stored and its response is out: restart to run it.
                        publisher.Transport.Close();
                        Power.RebootDevice();
                    }
                }

                if (lorawan != null)
                {
                    // The device is stepped from the loop: it transmits, and its receive windows block in the radio
                    // adapter for at most a window's timeout; it asks to run again when its next window or the duty
                    // cycle is due, which may come before the sampling loop's next frame.
                    long now = clock.NowMilliseconds;
                    long due = lorawan.Step(now);
                    if (due - now < sleep)
                    {
                        sleep = due <= now ? 0 : (int)(due - now);
                    }

                    if (commands.RestartRequested && !lorawan.AnswerWaiting && !lorawan.Device.HasPendingUplink)
                    {
                        // A new configuration was stored and its answer went out: restart to run it.
                        Power.RebootDevice();
                    }
                }

                if (sleep > 0)
                {
                    Wake.WaitOne(sleep, false);
                }
            }
        }

        // The LoRaWAN end device and its publisher, joining by OTAA with the configured keys; null when there is no
        // radio (a recorded fault).
        private static LorawanUplinkPublisher OpenLorawan(DeviceConfiguration configuration, BoardDefinition board, GpioController gpio,
                                                          LittleFsFileStore files, ReadingLog log, FaultLog faults, TickCountClock clock)
        {
            long now = clock.NowMilliseconds;

            // A chip that did not answer at start is a recorded fault (the driver's own); the end device then sees
            // every transmit fail and keeps the readings on flash, retrying on its back-off.
            ILoraRadio radio = LoraRadioFactory.Create(board, gpio, clock, faults);
            if (radio == null)
            {
                faults.Record(now, FaultSource.Uplink, FaultCode.Missing, "no LoRa radio on board " + board.Name);
                return null;
            }

            LorawanRegion region = configuration.LoRaWanRegion == LoRaWanRegion.Us915 ? (LorawanRegion)new Us915Region() : new Eu868Region();

            // The board says which chip, and so which airtime formula.
            LoraChip chip = board.RadioChip;
            byte[] deviceEui = TextValues.HexBytes(configuration.LoRaWanDevEui);
            ClassADevice device = new ClassADevice(region, radio, new LorawanStateStore(files), chip, deviceEui,
                                                   TextValues.HexBytes(configuration.LoRaWanJoinEui),
                                                   TextValues.HexBytes(configuration.LoRaWanAppKey), Seed(deviceEui, now));
            device.Faults = faults;
            LorawanUplinkPublisher lorawan = new LorawanUplinkPublisher(device, log, faults);
            device.Join();
            return lorawan;
        }

        // Channel choice and ACK_TIMEOUT jitter differ per unit (the DevEUI) and per boot (the tick count).
        private static int Seed(byte[] deviceEui, long now)
        {
            int seed = (int)now;
            for (int i = 0; i < deviceEui.Length; i++)
            {
                seed = (seed * 31) + deviceEui[i];
            }

            return seed;
        }

        private static Hardware.IAmbientSensor OpenBme280(BoardDefinition board, DeviceConfiguration configuration, FaultLog faults, long now)
        {
            try
            {
                Bme280 bme280 = new Bme280(
                    I2cDevice.Create(new I2cConnectionSettings(board.I2cBus, configuration.AmbientAddress, I2cBusSpeed.StandardMode)));

                // One reading a minute: forced mode with x1 oversampling keeps the chip asleep between readings,
                // so it does not warm itself (the BME280 reads warm when the board heats it).
                bme280.TemperatureSampling = Sampling.UltraLowPower;
                bme280.PressureSampling = Sampling.UltraLowPower;
                bme280.HumiditySampling = Sampling.UltraLowPower;
                return new Bme280AmbientSensor(bme280);
            }
            catch (Exception)
            {
                // Wrong chip id or no answer: run without ambient readings, and say so.
                faults.Record(now, FaultSource.Ambient, FaultCode.NotAcknowledged, "BME280 not found");
                return null;
            }
        }

        private static void OnPirEdge(bool isHigh)
        {
            // Wake the loop at once so a PIR trigger turns a zone occupied without waiting for the next frame.
            Wake.Set();
        }
    }
}
