/**
 * Account-channel frames copied verbatim from ../shared/samples/ws-auth-*.json (so the suite is
 * self-contained). Each constant holds the `frames` of one sample file.
 */

/** ws-auth-ok.json: WS auth success event */
export const authOk: Record<string, unknown>[] = [
    {"event":"auth","status":"OK","chanId":0,"userId":3159883,"auth_id":"ac7108e7-2f26-424d-9982-c24700dc02ca","caps":{"orders":{"read":1,"write":1},"account":{"read":1,"write":1},"funding":{"read":1,"write":1},"history":{"read":1,"write":0},"wallets":{"read":1,"write":1},"withdraw":{"read":0,"write":1},"positions":{"read":1,"write":1},"ui_withdraw":{"read":0,"write":0}}},
    {"event":"auth","status":"OK","chanId":0,"userId":2909250,"auth_id":"e652c76d-4b6f-4a3d-9755-25a25a9e0a66","caps":{"orders":{"read":1,"write":1},"account":{"read":1,"write":0},"funding":{"read":1,"write":0},"history":{"read":1,"write":0},"wallets":{"read":1,"write":0},"withdraw":{"read":0,"write":0},"positions":{"read":1,"write":1},"ui_withdraw":{"read":0,"write":0}}}
  ];

/** ws-auth-failed.json: WS auth failure events */
export const authFailed: Record<string, unknown>[] = [
    {"event":"auth","status":"FAILED","chanId":0,"code":10100,"msg":"apikey: invalid"},
    {"event":"auth","status":"FAILED","chanId":0,"code":10114,"msg":"nonce: small"}
  ];

/** ws-auth-orders.json: Account channel order events os/on/ou/oc (ORDER array, 32 fields) */
export const authOrders: unknown[][] = [
    [0,"os",[[34930659963,null,1574955083558,"tETHUSD",1574955083558,1574955083573,0.201104,0.201104,"EXCHANGE LIMIT",null,null,null,0,"ACTIVE",null,null,120,0,0,0,null,null,null,0,0,null,null,null,"BFX",null,null,null]]],
    [0,"on",[1185815098,null,1575287436979,"tETHUSD",1575287438515,1575287438519,-2.5,-2.5,"LIMIT",null,null,null,0,"ACTIVE",null,null,230,0,0,0,null,null,null,0,0,null,null,null,"API>BFX",null,null,null]],
    [0,"ou",[1185815100,null,1575289350475,"tETHUSD",1575289351944,1575289447644,-3,-3,"LIMIT","LIMIT",null,null,0,"ACTIVE",null,null,240,0,0,0,null,null,null,0,0,null,null,null,"API>BFX",null,null,null]],
    [0,"oc",[1185815100,null,1575289350475,"tETHUSD",1575289351944,1575291219663,-3,-3,"LIMIT","LIMIT",null,null,0,"CANCELED",null,null,240,0,0,0,null,null,null,0,0,null,null,null,"API>BFX",null,null,null]],
    [0,"oc",[34930659963,null,1574955083558,"tETHUSD",1574955083558,1574955354487,0.201104,0.201104,"EXCHANGE LIMIT",null,null,null,0,"CANCELED",null,null,120,0,0,0,null,null,null,0,0,null,null,null,"BFX",null,null,null]],
    [0,"oc",[97084883506,null,1655110144596,"tLTCUST",1655110144596,1655110144598,0,0.1,"EXCHANGE MARKET",null,null,null,0,"EXECUTED @ 42.821(0.1)",null,null,42.799,42.821,0,0,null,null,null,0,0,null,null,null,"BFX",null,null,{}]]
  ];

/** ws-auth-notifications.json: Account channel notifications "n" (request acks, errors) */
export const authNotifications: unknown[][] = [
    [0,"n",[1575287438.515,"on-req",null,null,[1185815098,null,1575287436979,"tETHUSD",1575287438515,1575287438515,-2.5,-2.5,"LIMIT",null,null,null,0,"ACTIVE",null,null,230,0,0,0,null,null,null,0,null,null,null,null,"API>BFX",null,null,null],null,"SUCCESS","Submitting limit sell order for -2.5 ETH."]],
    [0,"n",[1575289447641,"ou-req",null,null,[1185815100,null,1575289350475,"tETHUSD",1575289351944,1575289351948,-3,-3,"LIMIT",null,null,null,0,"ACTIVE",null,null,240,0,0,0,null,null,null,0,0,null,null,null,"API>BFX",null,null,null],null,"SUCCESS","Submitting update to limit sell order for 3 ETH."]],
    [0,"n",[1575291219660,"oc-req",null,null,[1185815100,null,1575289350475,"tETHUSD",1575289351944,1575289447644,-3,-3,"LIMIT","LIMIT",null,null,0,"ACTIVE",null,null,240,0,0,0,null,null,null,0,0,null,null,null,"API>BFX",null,null,null],null,"SUCCESS","Submitted for cancellation; waiting for confirmation (ID: 1185815100)."]],
    [0,"n",[1575293958819,"fon-req",null,null,[41238934,null,null,null,500,null,null,null,null,null,null,null,null,null,0.02,2,null,null,null,null,null],null,"SUCCESS","Submitting funding offer of 500.0 UST at 2.000 for 2 days."]],
    [0,"n",[1575282446099,"fon-req",null,null,[41238905,null,null,null,-1000,null,null,null,null,null,null,null,null,null,0.002,2,null,null,null,null,null],null,"SUCCESS","Submitting funding bid of 1000.0 USD at 0.2000 for 2 days."]],
    [0,"n",[1536562548955,"on-req",null,null,[16609409732,null,3,"tLTCBTC",null,null,0.21,0.21,"LIMIT",null,null,null,null,null,null,null,0.008763,null,null,null,null,null,null,0,null,null,null,null,null,null,null,null],null,"SUCCESS","Submitting limit buy order for 0.21 LTC."]],
    [0,"n",[1536136851810,"on-req",null,null,[0,null,1,"tTRXBTC",null,null,0.00000123,null,"LIMIT",null,null,null,null,null,null,null,1.2e-7,null,null,null,null,null,null,0,null,null,null,null,null,null,null,null],null,"ERROR","This pair cannot be traded on margin."]],
    [0,"n",[1536136851766,"oc-req",null,null,[null,null,1,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,0,null,null,null,null,null,null,null,null],null,"ERROR","Order not found."]],
    [0,"n",[1536575651298,"oc-req",null,null,[16616840342,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,0,null,null,null,null,null,null,null,null],null,"SUCCESS","Submitted for cancellation; waiting for confirmation (ID: 16616840342)."]],
    [0,"n",[null,"on-req",null,null,[null,null,1513970684865000,"tBTCUSD",null,null,0.001,0.001,"EXCHANGE MARKET",null,null,null,null,null,null,null,12940,null,null,null,null,null,null,0,null,null],null,"ERROR","Invalid order: minimum size for BTC/USD is 0.002"]]
  ];

/** ws-auth-trades.json: Account channel own trades te/tu (trading) and fte/ftu (funding) */
export const authTrades: unknown[][] = [
    [0,"te",[402088407,"tETHUST",1574963975602,34938060782,-0.2,153.57,"MARKET",0,-1,null,null,0]],
    [0,"tu",[402088407,"tETHUST",1574963975602,34938060782,-0.2,153.57,"MARKET",0,-1,-0.061668,"USD"]],
    [0,"fte",[636854,"fUSD",1575282446000,41238905,-1000,0.002,7,null]],
    [0,"ftu",[636854,"fUSD",1575282446000,41238905,-1000,0.002,7,null]],
    [0,"te",[1,"tBTCUSD",1514909325593,1234567,0.21679716,915.9,null,null,0]],
    [0,"te",[2,"tBTCUSD",1514909325597,1234567,0.78320284,916.2,null,null,0]],
    [0,"tu",[1,"tBTCUSD",1514909325593,1234567,0.21679716,915.9,"MARKET",915.5,-1,-0.39712904,"USD"]],
    [0,"tu",[2,"tBTCUSD",1514909325597,1234567,0.78320284,916.2,"MARKET",915.5,-1,-1.43514088,"USD"]]
  ];

/** ws-auth-positions.json: Account channel positions ps/pn/pu/pc (POSITION array, 20 fields) */
export const authPositions: unknown[][] = [
    [0,"ps",[["tETHUST","ACTIVE",0.2,153.71,0,0,null,null,null,null,null,142420429,null,null,null,0,null,0,null,{"reason":"TRADE","order_id":34934099168,"order_id_oppo":34934090814,"liq_stage":null,"trade_price":"153.71","trade_amount":"0.2"}]]],
    [0,"pu",["tETHUST","ACTIVE",0.2,153.71,0,0,-0.07944800000000068,-0.05855181835925015,67.52755254906451,1.409288545397275,null,142420429,null,null,null,0,null,0,0,{"reason":"TRADE","order_id":34934099168,"order_id_oppo":34934090814,"liq_stage":null,"trade_price":"153.71","trade_amount":"0.2"}]]
  ];

/** ws-auth-wallets.json: Account channel wallets ws/wu ([WALLET_TYPE,CURRENCY,BALANCE,UNSETTLED_INTEREST,BALANCE_AVAILABLE,DESCRIPTION,META]) */
export const authWallets: unknown[][] = [
    [0,"ws",[["exchange","SAN",19.76,0,null,null,null]]],
    [0,"wu",["exchange","BTC",1.61169184,0,null,"Exchange 0.01 BTC for USD @ 7804.6",{"reason":"TRADE","order_id":34988418651,"order_id_oppo":34990541044,"trade_price":"7804.6","trade_amount":"0.01"}]]
  ];

/** ws-auth-funding.json: Account channel funding offers/credits/loans */
export const authFunding: unknown[][] = [
    [0,"fos",[[41237920,"fETH",1573912039000,1573912039000,0.5,0.5,"LIMIT",null,null,0,"ACTIVE",null,null,null,0.0024,2,0,0,null,0,null]]],
    [0,"fon",[41238747,"fUST",1575026670000,1575026670000,5000,5000,"LIMIT",null,null,0,"ACTIVE",null,null,null,0.006000000000000001,30,0,0,null,0,null]],
    [0,"fon",[41238934,"fUST",1575293959000,1575293959000,500,500,"LIMIT",null,null,0,"ACTIVE",null,null,null,0.02,2,0,0,null,0,null]],
    [0,"foc",[41238934,"fUST",1575293959000,1575294374000,500,500,"LIMIT",null,null,0,"CANCELED",null,null,null,0.02,2,0,0,null,0,null]],
    [0,"fcs",[[26223578,"fUST",1,1575052261000,1575296187000,350,0,"ACTIVE",null,null,null,0,30,1575052261000,1575293487000,0,0,null,0,null,0,"tBTCUST"],[26223711,"fUSD",-1,1575291961000,1575296187000,180,0,"ACTIVE",null,null,null,0.002,7,1575282446000,1575295587000,0,0,null,0,null,0,"tETHUSD"]]],
    [0,"fcu",[26223578,"fUST",1,1575052261000,1575296787000,350,0,"ACTIVE",null,null,null,0,30,1575052261000,1575293487000,0,0,null,0,null,0,"tBTCUST"]],
    [0,"fls",[[2995442,"fUSD",-1,1575291961000,1575295850000,820,0,"ACTIVE",null,null,null,0.002,7,1575282446000,1575295850000,0,0,null,0,null,0]]],
    [0,"fln",[2995444,"fUSD",-1,1575298742000,1575298742000,1000,0,"ACTIVE",null,null,null,0.002,7,1575298742000,1575298742000,0,0,null,0,null,0]]
  ];

/** ws-auth-margin-balance.json: Account channel miu (margin info), bu (balance info), fiu (funding info) */
export const authMarginBalance: unknown[][] = [
    [0,"miu",["base",[-13.014640000000007,0,49331.70267297,49318.68803297,27]]],
    [0,"miu",["sym","tETHUSD",[149361.09689202666,149639.26293509,830.0182168075556,895.0658432466332,null,null,null,null]]],
    [0,"bu",[4131.85,4131.85]],
    [0,"fiu",["sym","fUSD",[0.0008595462068208099,0,1.8444560185185186,0]]]
  ];
