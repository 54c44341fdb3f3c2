import type { CenterConfigInput } from '@layso/shared';

const ALL_DAY = [{ open: '00:00', close: '24:00' }];

/** A service of the demo center: its counter number is its ticket prefix (seed 001). */
function service(id: string, name: string, prefix: string, nameEn?: string) {
  return { id, name, prefix, ...(nameEn ? { nameEn } : {}) };
}

/**
 * The demo center: seed 001's floor-3 services with the counter numbers it shows
 * (66, 68, 85, and 86 of its example ticket 86001), plus plausible floors 1–2.
 * It is open around the clock so the demo works whenever it is started; a real
 * center's hours look like docs/center.example.json.
 */
export const DEMO_CENTER: CenterConfigInput = {
  name: 'Trung tâm Phục vụ hành chính công tỉnh Quảng Ninh',
  nameEn: 'Quang Ninh Public Administrative Service Center',
  timeZone: 'Asia/Ho_Chi_Minh',
  openingHours: { sun: ALL_DAY, mon: ALL_DAY, tue: ALL_DAY, wed: ALL_DAY, thu: ALL_DAY, fri: ALL_DAY, sat: ALL_DAY },
  priorityPolicy: { policy: 'interleaved', every: 2 },
  priorityCategories: [
    { id: 'nguoi-cao-tuoi', name: 'Người cao tuổi', nameEn: 'Elderly' },
    { id: 'nguoi-khuyet-tat', name: 'Người khuyết tật', nameEn: 'Disabled' },
    { id: 'phu-nu-mang-thai', name: 'Phụ nữ mang thai', nameEn: 'Pregnant woman' },
    { id: 'nguoi-co-cong', name: 'Người có công với cách mạng', nameEn: 'Person of merit' },
    { id: 'tre-em-duoi-6-tuoi', name: 'Trẻ em dưới 6 tuổi', nameEn: 'Child under 6' },
  ],
  defaultServiceMinutes: 5,
  online: { windowMin: 10, checkInRequired: false },
  // No SMS gateway on a demo: reminders go through the demo channel, which marks them
  // sent in the outbox so they show in the admin console's notification list.
  notify: { phoneChannel: 'demo', demo: {} },
  areas: [
    {
      id: 'tang-1',
      name: 'Tầng 1',
      nameEn: 'Floor 1',
      services: [
        service('dat-dai', 'Đất đai', '11', 'Land'),
        service('thue', 'Thuế', '12', 'Tax'),
        service('bao-hiem-xa-hoi', 'Bảo hiểm xã hội', '13', 'Social insurance'),
        service('kho-bac', 'Kho bạc Nhà nước', '14', 'State treasury'),
      ],
    },
    {
      id: 'tang-2',
      name: 'Tầng 2',
      nameEn: 'Floor 2',
      services: [
        service('ke-hoach-dau-tu', 'Kế hoạch & Đầu tư', '21', 'Planning & Investment'),
        service('xay-dung', 'Xây dựng', '22', 'Construction'),
        service('giao-thong-van-tai', 'Giao thông vận tải', '23', 'Transport'),
        service('tai-nguyen-moi-truong', 'Tài nguyên & Môi trường', '24', 'Natural resources & Environment'),
        service('cong-thuong', 'Công thương', '25', 'Industry & Trade'),
        service('nong-nghiep', 'Nông nghiệp & PTNT', '26', 'Agriculture & Rural development'),
      ],
    },
    {
      id: 'tang-3',
      name: 'Tầng 3',
      nameEn: 'Floor 3',
      services: [
        service('tu-phap', 'Tư pháp', '60', 'Justice'),
        service('thong-tin-truyen-thong', 'Thông tin & Truyền thông', '66', 'Information & Communications'),
        service('cong-an-tinh', 'Công an tỉnh', '80', 'Provincial police'),
        service('ngoai-vu', 'Ngoại Vụ', '61', 'Foreign affairs'),
        service('van-hoa-the-thao', 'Văn hóa & Thể thao', '68', 'Culture & Sports'),
        service('cong-an-qlhc', 'Công an tỉnh (QLHC)', '81', 'Police (administrative management)'),
        service('giao-duc-dao-tao', 'Giáo dục & Đào tạo', '62', 'Education & Training'),
        service('du-lich', 'Du lịch', '69', 'Tourism'),
        service('cong-an-pccc', 'Công an tỉnh (PCCC)', '85', 'Police (fire prevention)'),
        service('khoa-hoc-cong-nghe', 'Khoa học và Công nghệ', '63', 'Science & Technology'),
        service('nuoc-sach', 'Công ty nước sạch', '70', 'Water company'),
        service('visa', 'Visa', '87', 'Visa'),
        service('y-te', 'Y tế', '64', 'Health'),
        service('dien-luc', 'Công ty điện lực', '71', 'Power company'),
        service('tu-van-phap-ly', 'Bộ phận tư vấn pháp lý', '65', 'Legal advice'),
        service('noi-vu', 'Nội vụ', '67', 'Home affairs'),
        service('cong-an-xnc', 'Công an tỉnh (XNC)', '86', 'Police (immigration)'),
        service('lao-dong-tbxh', 'Lao động TBXH', '72', 'Labour, Invalids & Social affairs'),
      ],
    },
  ],
  counters: [],
};

// One counter per service, numbered as its prefix; counter 65 also helps with Tư pháp,
// showing a counter that serves two queues.
DEMO_CENTER.counters = DEMO_CENTER.areas.flatMap((area) =>
  area.services.map((s) => ({
    number: Number(s.prefix),
    name: `Quầy ${s.prefix}`,
    areaId: area.id,
    serviceIds: s.id === 'tu-van-phap-ly' ? ['tu-van-phap-ly', 'tu-phap'] : [s.id],
  })),
);
