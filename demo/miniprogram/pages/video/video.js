// pages/video/video.js
Page({

  data: {
    recordTime: 30000,
    top: 20,
    stepList: [
      {
        audioSrc: 'https://devtest-1252553964.cos.ap-guangzhou.myqcloud.com/1.mp3',
        showTime: 0,
        textList: [{
          text: 'First line of text',
          margin: '0 0 6rpx 0'
        }, {
          text: [{
            text: 'Second line'
          }, {
            text: 'Highlight Highlight',
            color: '#ee6f2d',
            fontWeight: 'bold',
            margin: '0 6rpx'
          }, {
            text: 'Text text text text text'
          }]
        }, {
          text: 'Third line text text text text text',
          color: '#ee6f2d',
          margin:  '6rpx'
        }]
      },
      {
        audioSrc: 'https://devtest-1252553964.cos.ap-guangzhou.myqcloud.com/2.mp3',
        showTime: 8000,
        textList: [{
          text: 'Second text',
          margin: '0 0 6rpx 0'
        }, {
          text: [{
            text: 'Text'
          }, {
            text: 'Highlight',
            color: '#ee6f2d',
            fontWeight: 'bold',
            margin: '0 6rpx'
          }, {
            text: 'Text text text text text'
          }, {
            text: 'Highlight',
            color: '#ee6f2d',
 fontWeight: 'bold',
            margin: '0 6rpx'
          }]
        }]
      },
      {
        audioSrc: 'https://devtest-1252553964.cos.ap-guangzhou.myqcloud.com/3.mp3',
        showTime: 18000,
        textList: [{
          text: '3 Third text',
          margin: '0 0 6rpx 0'
        }, {
          text: [{
            text: '3 Second line'
          }, {
            text: '3 Highlight 3',
            color: '#ee6f2d',
            fontWeight: 'bold',
            margin: '0 6rpx'
          }, {
            text: '333 Text text text text text text 333'
          }]
        }]
      }
    ],
    buttonStyle: {
      width: '16vw',
      height: '16vw',
      bottom: '80rpx'
    }
  },

  /**
   * Lifecycle function--Listens to page load
   */
  onLoad: function (options) {
    wx.showLoading()
  },

  onRecordReady() {
    wx.hideLoading()
  },

  onRecordStart() {
    wx.showToast({
      title: 'Recording started',
      icon: 'none'
    })
  },

  onRecordEnd(res) {
    const { tempVideoPath } = res.detail
    wx.showToast({
      title: 'Recording ended, address: ' + tempVideoPath,
      icon: 'none'
    })
    setTimeout(() => {
      wx.navigateTo({
        url: '/pages/index/index?url=' + encodeURIComponent(tempVideoPath)
      })
    }, 3500)
  },

  onRecordError(res) {
    const { errMsg } = res.detail
    wx.showToast({
      title: errMsg,
      icon: 'none'
    })
  }
})
