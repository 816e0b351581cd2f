-- wrk script for bench/gps-load.sh: OsmAnd GETs from DEVICES simulated trackers (load-00000 ...), each thread
-- walking its share of the devices in turn. Device d's n-th fix is n x 100 ms after START_MS and ~1 m further
-- south, so every fix is new, in order per device and well under the 300 km/h jump limit.
-- Arguments (after --): DEVICES THREADS START_MS
local threads = {}

function setup(thread)
    thread:set("tid", #threads)
    table.insert(threads, thread)
end

function init(args)
    devices = tonumber(args[1] or 10000)
    nthreads = tonumber(args[2] or 1)
    start_ms = tonumber(args[3])
    counter = 0
end

function request()
    local n = counter * nthreads + tid
    counter = counter + 1
    local device = n % devices
    local round = math.floor(n / devices)
    local path = string.format("/?id=load-%05d&lat=%.6f&lon=110.3558&timestamp=%d&speed=19.4&bearing=180&accuracy=5&batt=80",
        device, -7.7 - round * 0.00001, start_ms + round * 100)
    return wrk.format("GET", path)
end
