using System.Globalization;
using OccupancySensor.HostSim.World.Synthetic;

namespace OccupancySensor.HostSim.World.Floor;

/// <summary>
/// Lays out a floor for a scenario, a unit count and a seed, and writes everyone's day.
///
/// The plan (metres; x along the floor from the entrance, y across it): the entrance door at x = 0 with the door
/// unit above it; a central aisle along y = 0; desk pods of two desks on both sides of the aisle every 3.4 m, each
/// under one unit (zones desk-a and desk-b, the chairs 1 m apart on the aisle side, the monitors on the far side,
/// radiators under the windows at |y| = 3 and sun coming in on the south side, y &lt; 0); meeting rooms with four chairs
/// round a table after the last pods; the kitchen and a hall at the far end, out of every unit's view. Units hang at
/// the scenario's ceiling height; the aisle passes outside the desk units' views, so walkers are seen only by the
/// door unit and at their own desk.
///
/// People: a worker per used desk, arriving through the entrance (some side by side with their neighbour), sitting
/// down, going for coffee (some in pairs), to meetings and to lunch (out through the entrance, to the kitchen, or at
/// the desk), then leaving; visitors of a rush walk through the entrance to the hall and back. Monitors switch on when
/// their worker first sits down; hot drinks are put down after coffee runs.
/// </summary>
public static class FloorBuilder
{
    private const double FirstPodX = 3.0;
    private const double PodPitch = 3.4;
    private const double PodOffset = 1.9;
    private const double SeatHalfSpacing = 0.5;
    private const double SeatInset = 0.35;
    private const double RoomOffset = 2.6;
    private const double RoomPitch = 4.5;
    private const double RoomEntryY = 1.3;
    private const double WindowY = 2.85;

    // Outside the entrance (beyond the door unit's view) and the first point of the aisle inside it.
    private const double OutsideX = -6;
    private const double InsideX = 1.0;
    private const double AisleStartX = 2.0;

    // The doorway is 1 m wide: walkers keep 0.25 m from its frame; two abreast walk 0.45 m apart.
    private const double DoorwayLateral = 0.25;
    private const double AbreastHalf = 0.22;

    // Walking lanes along the aisle stay within 0.3 m of its middle, well outside the desk units' views.
    private const double LaneHalfWidth = 0.3;

    public static FloorWorld Build(ScenarioFile scenario, string name, int devices, int seed)
    {
        var random = new SceneRandom(seed, "floor:" + name);
        var layout = scenario.Layout;
        var door = layout.DoorUnits;
        var rooms = layout.MeetingRoomShare > 0 ? Math.Max(1, (int)Math.Round(devices * layout.MeetingRoomShare)) : 0;
        var pods = devices - door - rooms;
        if (pods < 1)
        {
            throw new ScenarioException($"{devices} unit(s) are too few for {name}: it needs {door + rooms + 1} or more ({door} door, {rooms} meeting room(s), at least one desk pod)");
        }

        var floor = new Plan(scenario, name, random);
        if (door == 1)
        {
            floor.AddDoor();
        }

        var podColumns = (pods + 1) / 2;
        var podsEndX = FirstPodX + ((podColumns - 1) * PodPitch);
        for (var r = 0; r < rooms; r++)
        {
            floor.AddRoom(podsEndX + 2.5 + ((r / 2) * RoomPitch), r % 2 == 0 ? 1 : -1);
        }

        for (var k = 0; k < pods; k++)
        {
            floor.AddPod(FirstPodX + ((k / 2) * PodPitch), k % 2 == 0 ? -1 : 1);
        }

        floor.KitchenX = Math.Max(podsEndX, rooms > 0 ? podsEndX + 2.5 + (((rooms - 1) / 2) * RoomPitch) : 0) + 4.5;
        floor.PlacePeople();
        return floor.Finish(seed);
    }

    private sealed record DeskPlace(int Site, int Zone, int Pod, double SeatX, double SeatY, double Side, double PodX, double PodY)
    {
        public (double X, double Y) Drink => (SeatX + 0.28, PodY + (Side * 0.05));
    }

    private sealed record RoomPlace(int Site, double X, double Side, (double X, double Y)[] Seats);

    private sealed record Activity(string Kind, double Start, double End, int Room = -1, int Seat = -1, int Companion = -1);

    private sealed class Worker(int index, DeskPlace desk, AgentLook look)
    {
        public int Index { get; } = index;

        public DeskPlace Desk { get; } = desk;

        public AgentLook Look { get; } = look;

        public double Arrive { get; set; }

        public double Leave { get; set; }

        public int Partner { get; set; } = -1;

        public double Lane { get; set; }

        public double DoorLateral { get; set; }

        public List<Activity> Activities { get; } = new();

        public bool IsFree(double from, double to) =>
            from >= Arrive + 900 && to <= Leave - 900 && Activities.All(a => to + 300 <= a.Start || from >= a.End + 300);
    }

    private sealed class Plan(ScenarioFile s, string name, SceneRandom random)
    {
        private readonly List<UnitSite> _sites = new();
        private readonly List<DeskPlace> _desks = new();
        private readonly List<RoomPlace> _rooms = new();
        private readonly List<Agent> _agents = new();
        private readonly List<WorldHeat> _heat = new();
        private readonly List<Worker> _workers = new();

        public double KitchenX { get; set; }

        private double HallX => KitchenX + 6;

        private string Prefix => $"{s.Building}-f{s.Floor}";

        public void AddDoor()
        {
            var id = $"{Prefix}-door-1";
            _sites.Add(new UnitSite(_sites.Count + 1, id, SiteKind.Door, "entrance", 0, 0, s.Layout.DoorCeilingM, s.Layout.DoorFps, Configuration(
                id, "entrance", "doorway", s.Layout.DoorFps,
                "# The door line is the entrance's threshold (column 4 | 5 of the array): walking up the columns is 'in'.\ndoor = x=4\n")));
        }

        public void AddRoom(double x, int side)
        {
            var number = _rooms.Count + 1;
            var id = $"{Prefix}-meet-{number}";
            var asset = $"meeting-{number}";
            var y = side * RoomOffset;
            var seats = new[] { (x - 0.45, y - (side * 0.7)), (x + 0.45, y - (side * 0.7)), (x - 0.45, y + (side * 0.7)), (x + 0.45, y + (side * 0.7)) };
            _sites.Add(new UnitSite(_sites.Count + 1, id, SiteKind.Meeting, asset, x, y, s.Layout.CeilingM, s.Layout.MeetingFps, Configuration(
                id, asset, "meeting_room", s.Layout.MeetingFps,
                $"zone.room.rect = 0,0,8,8\nzone.room.asset = {asset}\nzone.room.asset_type = meeting_room\nzone.room.capacity = {ScenarioCatalog.MeetingRoomSeats}\n")));
            _rooms.Add(new RoomPlace(_sites.Count, x, side, seats));
        }

        public void AddPod(double x, int side)
        {
            var pod = _sites.Count(u => u.Kind == SiteKind.Desk) + 1;
            var id = $"{Prefix}-pod-{pod:00}";
            var asset = $"pod-{pod:00}";
            var y = side * PodOffset;
            _sites.Add(new UnitSite(_sites.Count + 1, id, SiteKind.Desk, asset, x, y, s.Layout.CeilingM, s.Layout.DeskFps, Configuration(
                id, asset, "desk", s.Layout.DeskFps,
                $"zone.desk-a.rect = 0,0,4,8\nzone.desk-a.asset = desk-{pod:00}a\nzone.desk-a.asset_type = desk\n" +
                $"zone.desk-b.rect = 4,0,4,8\nzone.desk-b.asset = desk-{pod:00}b\nzone.desk-b.asset_type = desk\n")));

            // Chairs on the aisle side of the desks, so the aisle is behind the people sitting there.
            var seatY = y - (side * SeatInset);
            _desks.Add(new DeskPlace(_sites.Count, 0, pod, x - SeatHalfSpacing, seatY, side, x, y));
            _desks.Add(new DeskPlace(_sites.Count, 1, pod, x + SeatHalfSpacing, seatY, side, x, y));

            var heat = s.Heat;
            if (heat.Radiators)
            {
                var times = heat.HeatingOn.Select(t => ScenarioCatalog.TimeOfDay("heat.heating_on", t)).ToArray();
                var wall = side * WindowY;
                _heat.Add(new SwitchedBox("radiator", x - 0.6, Math.Min(wall, wall + (side * 0.12)), x + 0.6, Math.Max(wall, wall + (side * 0.12)), 0.6, 25, 1200, times));
            }

            if (heat.Sun is { } sun && side < 0)
            {
                var (from, to) = ScenarioCatalog.Window("heat.sun", sun);
                _heat.Add(new SunPatch(from, to, x - 1.3, -WindowY + 0.2, x + 1.1, y + 0.5, 0.9, 0.6, 5));
            }
        }

        public void PlacePeople()
        {
            var p = s.People;
            var arrive = ScenarioCatalog.Window("people.arrive", p.Arrive);
            var leave = ScenarioCatalog.Window("people.leave", p.Leave);
            var fidget = Fidget.Named(p.Fidget);

            foreach (var desk in _desks)
            {
                if (!random.Chance(p.DeskOccupancy))
                {
                    if (random.Chance(s.Heat.LaptopsOnEmptyDesks))
                    {
                        // Someone's laptop left open on a free desk wakes up now and then: a steady warm patch.
                        var on = random.Uniform(_start + 3600, _start + (4 * 3600));
                        _heat.Add(new SwitchedBox("laptop", desk.SeatX - 0.15, desk.PodY - 0.11, desk.SeatX + 0.15, desk.PodY + 0.11, 0.77, 8, 300, new[] { on, _end }));
                    }

                    continue;
                }

                var worker = new Worker(_workers.Count, desk, Look(p.Jackets, p.Hats))
                {
                    Arrive = random.Uniform(arrive.From, arrive.To),
                    Leave = random.Uniform(leave.From, leave.To),
                    Lane = random.Uniform(-LaneHalfWidth, LaneHalfWidth),
                    DoorLateral = random.Uniform(-DoorwayLateral, DoorwayLateral),
                };
                _workers.Add(worker);
            }

            // Neighbours at a pod who come and go together, side by side through the entrance.
            foreach (var pair in _workers.GroupBy(w => w.Desk.Pod).Where(g => g.Count() == 2))
            {
                if (random.Chance(p.Together))
                {
                    var (a, b) = (pair.First(), pair.Last());
                    a.Partner = b.Index;
                    b.Partner = a.Index;
                    b.Arrive = a.Arrive;
                    b.Leave = a.Leave;
                    a.DoorLateral = -AbreastHalf;
                    b.DoorLateral = AbreastHalf;
                    a.Lane = -AbreastHalf;
                    b.Lane = AbreastHalf;
                }
            }

            ScheduleMeetings();
            ScheduleLunch(p);
            ScheduleCoffee(p);

            foreach (var worker in _workers)
            {
                _agents.Add(WriteDay(worker, fidget));
            }

            if (s.Rush is { } rush)
            {
                AddRush(rush);
            }
        }

        private readonly double _start = ScenarioCatalog.TimeOfDay("start", s.Start);

        private readonly double _end = ScenarioCatalog.TimeOfDay("end", s.End);

        private AgentLook Look(double jackets, double hats) => new(
            random.Uniform(1.6, 1.9),
            random.Chance(hats) ? random.Uniform(2.7, 3.3) : random.Uniform(5.5, 6.5),
            random.Chance(jackets) ? random.Uniform(2.3, 2.7) : random.Uniform(3.2, 3.8),
            random.Uniform(1.0, 1.4));

        private void ScheduleMeetings()
        {
            foreach (var room in _rooms)
            {
                var r = _rooms.IndexOf(room);
                foreach (var meeting in s.Meetings)
                {
                    var start = ScenarioCatalog.TimeOfDay("meetings.at", meeting.At) + (r * 1200) + random.Uniform(-300, 300);
                    var end = start + (meeting.Minutes * 60);
                    var free = _workers.Where(w => w.IsFree(start - 300, end + 300)).ToList();
                    var taken = 0;
                    while (taken < meeting.People && free.Count > 0)
                    {
                        var w = free[random.Int(0, free.Count - 1)];
                        free.Remove(w);

                        // People drift in over the two minutes before the start and leave within half a minute of the end.
                        w.Activities.Add(new Activity("meeting", start - random.Uniform(60, 180), end + random.Uniform(0, 30), _rooms.IndexOf(room), taken));
                        taken++;
                    }
                }
            }
        }

        private void ScheduleLunch(PeopleSection p)
        {
            var window = ScenarioCatalog.Window("people.lunch", p.Lunch);
            var minutes = ScenarioCatalog.Range("people.lunch_minutes", p.LunchMinutes, 180);
            foreach (var w in _workers)
            {
                var choice = random.NextDouble();
                var start = random.Uniform(window.From, window.To);
                var end = start + (random.Uniform(minutes.Low, minutes.High) * 60);
                if (choice < p.LunchAtDesk)
                {
                    continue;
                }

                var kind = choice < p.LunchAtDesk + p.LunchOut ? "lunch out" : "kitchen";
                if (w.IsFree(start, end))
                {
                    w.Activities.Add(new Activity(kind, start, end));
                }
            }
        }

        private void ScheduleCoffee(PeopleSection p)
        {
            var minutes = ScenarioCatalog.Range("people.coffee_minutes", p.CoffeeMinutes, 120);
            foreach (var w in _workers)
            {
                var runs = (int)Math.Floor(p.CoffeeRuns) + (random.Chance(p.CoffeeRuns - Math.Floor(p.CoffeeRuns)) ? 1 : 0);
                for (var i = 0; i < runs; i++)
                {
                    var start = random.Uniform(w.Arrive + 1800, w.Leave - 1800);
                    var end = start + (random.Uniform(minutes.Low, minutes.High) * 60);
                    if (!w.IsFree(start, end))
                    {
                        continue;
                    }

                    var neighbour = _workers.FirstOrDefault(o => o != w && o.Desk.Pod == w.Desk.Pod);
                    if (neighbour is not null && random.Chance(p.CoffeeTogether) && neighbour.IsFree(start, end))
                    {
                        neighbour.Activities.Add(new Activity("coffee", start, end, Companion: w.Index));
                        w.Activities.Add(new Activity("coffee", start, end, Companion: neighbour.Index));
                    }
                    else
                    {
                        w.Activities.Add(new Activity("coffee", start, end));
                    }
                }
            }
        }

        private Agent WriteDay(Worker w, Fidget fidget)
        {
            var speed = w.Partner >= 0 ? Math.Min(w.Look.WalkingSpeed, _workers[w.Partner].Look.WalkingSpeed) : w.Look.WalkingSpeed;
            var look = w.Look with { WalkingSpeed = speed };
            var desk = w.Desk;
            var path = new PathBuilder();
            (double X, double Y, double Placed)? drink = null;

            void PutDrinkAway(double t)
            {
                if (drink is { } d)
                {
                    _heat.Add(new HotDrink(d.X, d.Y, d.Placed, t));
                    drink = null;
                }
            }

            // In through the entrance, along the aisle to the desk.
            path.Appear(w.Arrive, OutsideX, w.DoorLateral);
            WalkIn(path, w.DoorLateral, w.Lane, speed);
            path.WalkTo(desk.SeatX, w.Lane, speed).WalkTo(desk.SeatX, desk.SeatY, speed).SitDown();
            var firstSeated = path.T;

            foreach (var a in w.Activities.OrderBy(a => a.Start))
            {
                var start = Math.Max(a.Start, path.T + 30);
                if (start > a.End - 120 || start > w.Leave - 300)
                {
                    continue;
                }

                path.StayUntil(start);
                if (a.Kind == "coffee")
                {
                    PutDrinkAway(path.T);
                }

                path.StandUp().WalkTo(desk.SeatX, w.Lane, speed);
                switch (a.Kind)
                {
                    case "meeting":
                        var room = _rooms[a.Room];
                        var seat = room.Seats[a.Seat];
                        var entry = room.Side * RoomEntryY;
                        path.WalkTo(room.X, w.Lane, speed).WalkTo(room.X, entry, speed).WalkTo(seat.X, seat.Y, speed).SitDown();
                        path.StayUntil(a.End).StandUp();
                        path.WalkTo(room.X, entry, speed).WalkTo(room.X, w.Lane, speed);
                        break;
                    case "lunch out":
                        path.WalkTo(AisleStartX, w.Lane, speed).WalkTo(InsideX, w.DoorLateral, speed).WalkTo(OutsideX, w.DoorLateral, speed).Disappear();
                        var walkBack = WalkInSeconds(desk, w, speed);
                        path.Appear(Math.Max(path.T + 60, a.End - walkBack), OutsideX, w.DoorLateral);
                        WalkIn(path, w.DoorLateral, w.Lane, speed);
                        break;
                    default:
                        // Coffee or lunch in the kitchen: out of every unit's view, standing.
                        path.WalkTo(KitchenX, w.Lane, speed);
                        path.StayUntil(a.End - (Math.Abs(KitchenX - desk.SeatX) / speed));
                        break;
                }

                path.WalkTo(desk.SeatX, w.Lane, speed).WalkTo(desk.SeatX, desk.SeatY, speed).SitDown();
                if (a.Kind == "coffee" && random.Chance(s.Heat.HotDrinks))
                {
                    drink = (desk.Drink.X, desk.Drink.Y, path.T);
                }
            }

            path.StayUntil(Math.Max(w.Leave, path.T + 60));
            PutDrinkAway(path.T);
            var leftAt = path.T;
            path.StandUp().WalkTo(desk.SeatX, w.Lane, speed).WalkTo(AisleStartX, w.Lane, speed)
                .WalkTo(InsideX, w.DoorLateral, speed).WalkTo(OutsideX, w.DoorLateral, speed).Disappear();

            if (s.Heat.Monitors)
            {
                // The monitor wakes when its worker sits down and sleeps when they leave (or is left on all evening).
                var off = random.Chance(s.Heat.MonitorsLeftOn) ? _end : leftAt;
                var y0 = desk.PodY + (desk.Side * 0.25);
                _heat.Add(new SwitchedBox("monitor", desk.SeatX - 0.28, Math.Min(y0, y0 + (desk.Side * 0.12)), desk.SeatX + 0.28, Math.Max(y0, y0 + (desk.Side * 0.12)), 1.1, 6, 600, new[] { firstSeated, off }));
            }

            return new Agent(w.Index, "worker", path.Legs, look, fidget, CounterNoise.Mix((ulong)(uint)w.Index ^ 0xA6E17UL));
        }

        private static void WalkIn(PathBuilder path, double lateral, double lane, double speed) =>
            path.WalkTo(InsideX, lateral, speed).WalkTo(AisleStartX, lane, speed);

        private static double WalkInSeconds(DeskPlace desk, Worker w, double speed) =>
            ((InsideX - OutsideX) + (AisleStartX - InsideX) + Math.Abs(desk.SeatX - AisleStartX) + Math.Abs(desk.SeatY - w.Lane)) / speed;

        private void AddRush(RushSection rush)
        {
            var at = ScenarioCatalog.TimeOfDay("rush.at", rush.At);
            var leaveAt = ScenarioCatalog.TimeOfDay("rush.leave_at", rush.LeaveAt);
            var placed = 0;
            while (placed < rush.People)
            {
                var roll = random.NextDouble();
                var size = roll < rush.Pairs + rush.Tandem && placed + 1 < rush.People ? 2 : 1;
                var tandem = size == 2 && roll >= rush.Pairs;
                var arriveT = at + random.Uniform(0, rush.Minutes * 60);
                var leaveT = leaveAt + random.Uniform(0, rush.LeaveMinutes * 60);
                var lateral = size == 1 || tandem ? random.Uniform(-DoorwayLateral, DoorwayLateral) : 0;
                var lane = random.Uniform(-LaneHalfWidth, LaneHalfWidth);
                var speed = random.Uniform(1.0, 1.4);
                for (var k = 0; k < size; k++)
                {
                    var side = size == 2 && !tandem ? (k == 0 ? -AbreastHalf : AbreastHalf) : lateral + (k * random.Uniform(-0.1, 0.1));
                    var behind = tandem && k == 1 ? random.Uniform(0.8, 1.1) / speed : 0;
                    var path = new PathBuilder();
                    path.Appear(arriveT + behind, OutsideX, side);
                    path.WalkTo(InsideX, side, speed).WalkTo(AisleStartX, lane + side, speed).WalkTo(HallX, lane + side, speed);
                    path.StayUntil(leaveT - ((HallX - AisleStartX) / speed) + behind);
                    path.WalkTo(AisleStartX, lane + side, speed).WalkTo(InsideX, side, speed).WalkTo(OutsideX, side, speed).Disappear();
                    var id = 10_000 + placed;
                    _agents.Add(new Agent(id, "visitor", path.Legs, Look(0.6, 0.2) with { WalkingSpeed = speed }, Fidget.Normal, CounterNoise.Mix((ulong)id)));
                    placed++;
                }
            }
        }

        public FloorWorld Finish(int seed)
        {
            var faults = new List<FaultPlan>();
            foreach (var f in s.Faults)
            {
                var from = ScenarioCatalog.TimeOfDay("faults.from", f.From);
                var to = ScenarioCatalog.TimeOfDay("faults.to", f.To);
                foreach (var site in SitesFor(f.Units))
                {
                    faults.Add(new FaultPlan(site, f.Part, from, to));
                }
            }

            var a = s.Ambient;
            var ambient = new AmbientDay(
                a.MorningC,
                a.AfternoonC,
                ScenarioCatalog.TimeOfDay("ambient.warm_from", a.WarmFrom),
                ScenarioCatalog.TimeOfDay("ambient.warm_until", a.WarmUntil),
                CounterNoise.Mix((ulong)(uint)seed ^ 0xA1B7UL));
            return new FloorWorld(name, s, seed, _sites, _agents, _heat, ambient, faults);
        }

        private IEnumerable<int> SitesFor(string units) => units switch
        {
            "all" => _sites.Select(u => u.Number),
            "door" => _sites.Where(u => u.Kind == SiteKind.Door).Select(u => u.Number),
            "meeting" => _sites.Where(u => u.Kind == SiteKind.Meeting).Select(u => u.Number),
            "desk" => _sites.Where(u => u.Kind == SiteKind.Desk).Select(u => u.Number),
            _ => units.Split(',').Select(u => int.Parse(u.Trim(), CultureInfo.InvariantCulture)).Where(n => n <= _sites.Count),
        };

        private string Configuration(string deviceId, string asset, string assetType, int fps, string extra) =>
            $"# {deviceId}: deployed to I:\\sensor.conf\n" +
            $"device.id = {deviceId}\n" +
            $"location.building = {s.Building}\n" +
            $"location.floor = {s.Floor}\n" +
            "location.zone = open-plan\n" +
            $"location.asset = {asset}\n" +
            $"location.asset_type = {assetType}\n" +
            "board = esp32-devkitc-amg8833\n" +
            "sensors.thermal = amg8833\n" +
            $"sensors.thermal.fps = {fps}\n" +
            "sensors.pir = true\n" +
            "sensors.ambient = bme280\n" +
            $"thresholds.vacant_hold_s = {s.Layout.VacantHoldS}\n" +
            $"reporting.period_s = {s.Layout.ReportPeriodS}\n" +
            "uplink = mqtt\n" +
            $"uplink.mqtt.host = broker.{s.Building}.example\n" +
            extra;
    }
}
